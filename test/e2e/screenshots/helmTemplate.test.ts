// The README's image of a chart template's hover: what the templated field renders to with each values file, and the
// values line that set it. The chart of the e2e tier's rendered views, rendered by the real helm.
import * as vscode from 'vscode';
import { openFixture, rangeAfter } from '../suite/helpers';
import { capture, cleanWindow, hoverAt } from './capture';

const HOVER = '.monaco-hover:not(.hidden) .monaco-hover-content';

/** Our hover at `position`, as text; empty while the chart has not rendered yet. */
async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

suite('README screenshots: Helm template', () => {
  test('helm-template-hover: the hover on a templated nodePort names what each values file renders', async function () {
    this.timeout(150_000);
    await cleanWindow();
    const doc = await openFixture('helm-views/templates/service.yaml');
    const key = rangeAfter(doc, 'targetPort: 8080', 'nodePort').start.translate(0, 2);
    // The chart renders once the workspace is indexed; until then the hover has no rendered value to show.
    const deadline = Date.now() + 120_000;
    while (!/renders to/.test(await hoverText(doc, key))) {
      if (Date.now() > deadline) throw new Error(`the hover never showed a rendered value: ${await hoverText(doc, key)}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const editor = await vscode.window.showTextDocument(doc);
    await hoverAt(editor, doc.offsetAt(key));
    await capture('helm-template-hover', { parts: ['editor'], show: HOVER, text: ['renders to 30007', 'values-prod.yaml'] });
  });
});
