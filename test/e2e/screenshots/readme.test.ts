// The README's images, one step each: each waits for the editor state it shows (diagnostics from the real server),
// then asks the launcher to capture it. A step that cannot show its state fails the run.
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeAfter, waitForDiagnostics } from '../suite/helpers';
import { capture, cleanWindow, hoverAt, showProblemsOfActiveFile } from './capture';

/** The hover widget's content, as the page shows it. */
const HOVER = '.monaco-hover:not(.hidden) .monaco-hover-content';

suite('README screenshots', () => {
  test('hover-nodeport: the hover on type: of examples/nodeport.yaml, with the Problems panel', async function () {
    // The first step also pays for the language server's start-up.
    this.timeout(120_000);
    await cleanWindow();
    const doc = await openFixture('nodeport.yaml');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'nodeport-out-of-range'), 60_000);
    await showProblemsOfActiveFile();
    // The Problems panel took the focus; the hover command acts on the focused editor.
    const editor = await vscode.window.showTextDocument(doc);
    await hoverAt(editor, doc.offsetAt(rangeAfter(doc, 'type:', 'NodePort').start) + 1);
    await capture('hover-nodeport', { parts: ['editor', 'panel'], show: HOVER, text: ['Service web', 'type: NodePort', 'Compare Service types'] });
  });
});
