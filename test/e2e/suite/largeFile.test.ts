// A huge manifest opened in a real VS Code: the first screen's own findings arrive first, the complete set later,
// and no cross-resource finding is ever guessed from a half-read file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics } from './helpers';
import { bigManifest } from '../../helpers/bigManifest';

suite('large files', () => {
  test('a 1.5 MB manifest: its first screen is checked first, then everything, with no guess in between', async () => {
    // Untitled, so the workspace scan has not read it already (a file it has read opens at once, from its parse).
    // Listening before the document exists: its first diagnostics may arrive before openTextDocument resolves.
    const seen: Array<{ uri: string; diagnostics: string[] }> = [];
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris)
        if (uri.scheme === 'untitled')
          seen.push({ uri: uri.toString(), diagnostics: vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}`) });
    });
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: bigManifest() });
    try {
      await vscode.window.showTextDocument(doc);
      const complete = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'selector-matches-nothing'), 60_000);
      const snapshots = seen.filter((s) => s.uri === doc.uri.toString()).map((s) => s.diagnostics);
      const top = complete
        .filter((d) => d.range.start.line < 23)
        .map((d) => `${codeOf(d)}@${d.range.start.line}`)
        .sort();
      assert.deepStrictEqual(top, ['nodeport-out-of-range@10', 'selector-matches-nothing@18']);
      assert.ok(
        snapshots.some((s) => s.includes('nodeport-out-of-range@10') && !s.some((d) => d.startsWith('selector-matches-nothing'))),
        `no first-screen publish before the complete one: ${JSON.stringify(snapshots.map((s) => s.length))}`,
      );
      assert.ok(
        !snapshots.some((s) => s.some((d) => d.startsWith('selector-matches-nothing@') && Number(d.split('@')[1]) < 11)),
        '`front` was never said to select nothing',
      );
    } finally {
      sub.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
