// The README's images of a Helm chart (section "Helm charts and Kustomize overlays"): the chart of the e2e tier,
// rendered by the real helm the launcher's machine setting points at.
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeAfter, waitForDiagnostics, workspaceRoot } from '../suite/helpers';
import { capture, cleanWindow, hoverAt, showProblemsOfActiveFile } from './capture';

const HOVER = '.monaco-hover:not(.hidden) .monaco-hover-content';

suite('README screenshots: Helm', () => {
  test("helm-values-error: the rendered Service's error on the values.yaml line that set the node port", async function () {
    // The first render waits for the workspace index, then for helm.
    this.timeout(150_000);
    await cleanWindow();
    // The template beside the values file, so the image shows where the value goes and where its error lands.
    await openFixture('helm-chart/templates/service.yaml');
    const values = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'helm-chart', 'values.yaml'));
    await vscode.window.showTextDocument(values, vscode.ViewColumn.Two);
    await waitForDiagnostics(
      values.uri,
      (ds) => ds.some((d) => codeOf(d) === 'nodeport-out-of-range' && /\(rendered with values\.yaml\)$/.test(d.message)),
      120_000,
    );
    await showProblemsOfActiveFile();
    const editor = await vscode.window.showTextDocument(values, vscode.ViewColumn.Two);
    await hoverAt(editor, values.offsetAt(rangeAfter(values, 'nodePort:', '9090').start) + 1);
    await capture('helm-values-error', { parts: ['editor', 'panel'], show: HOVER, text: ['Invalid value: 9090', 'rendered with values.yaml'] });
  });
});
