// Our extension next to Red Hat's YAML extension, in one window, in the order a user meets it: first alone, then
// Red Hat installed into the running window (from the vendored VSIX, with a strict Service schema configured for
// pair-*.yaml, see test/e2e/lib/redhatPair.mjs), then Red Hat's `yaml.validate` toggled. The tests depend on that
// order, so they are one suite that runs top to bottom.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, openFixture, waitForDiagnostics } from '../suite/helpers';

const OURS = 'kube-service-lens.kube-service-lens';
const REDHAT = 'redhat.vscode-yaml';
const OUR_SOURCE = 'kube-service-lens';

const ours = (d: vscode.Diagnostic) => d.source === OUR_SOURCE;
const oursSyntax = (ds: vscode.Diagnostic[]) => ds.filter((d) => ours(d) && codeOf(d) === 'yaml-syntax');
const theirs = (ds: vscode.Diagnostic[]) => ds.filter((d) => !ours(d));
const describeAll = (ds: vscode.Diagnostic[]) => ds.map((d) => `${d.source}: ${describeDiagnostic(d)}`).join('\n');
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** The blank line under `spec:` of pair-service.yaml, where both extensions offer the Service's spec keys. */
async function specKeyLabels(doc: vscode.TextDocument): Promise<string[]> {
  const position = new vscode.Position(doc.getText().split('\n').indexOf('spec:') + 1, 2);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return (list?.items ?? []).filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
}

async function hoverTexts(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  return hovers.map((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n'));
}

async function setValidate(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('yaml').update('validate', value, vscode.ConfigurationTarget.Global);
}

/** Resolves when `accept` holds, polling (bounded): completion and hover have no event to wait on. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

suite('next to Red Hat YAML', () => {
  let ourSpecKeys: string[] = [];

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(OURS);
    assert.ok(extension, `${OURS} is not installed`);
    await extension.activate();
  });

  test('alone, we report broken YAML and offer the spec keys', async () => {
    assert.strictEqual(vscode.extensions.getExtension(REDHAT), undefined, 'Red Hat YAML must not be installed yet');
    const broken = await openFixture('pair-broken.yaml');
    const diagnostics = await waitForDiagnostics(broken.uri, (ds) => oursSyntax(ds).length > 0);
    assert.strictEqual(oursSyntax(diagnostics).length, 1, describeAll(diagnostics));

    const service = await openFixture('pair-service.yaml');
    ourSpecKeys = await until(
      () => specKeyLabels(service),
      (labels) => labels.length > 0,
    );
    assert.ok(ourSpecKeys.includes('sessionAffinity') && ourSpecKeys.includes('externalTrafficPolicy'), ourSpecKeys.join(' '));
  });

  test('Red Hat installed into the running window: it reports the syntax error, we stop, without a reload', async () => {
    const vsix = process.env.E2E_REDHAT_VSIX;
    assert.ok(vsix, 'E2E_REDHAT_VSIX is not set; run through launch-code-server.mjs --with-redhat');
    const added = new Promise<void>((resolve) => {
      const sub = vscode.extensions.onDidChange(() => {
        if (vscode.extensions.getExtension(REDHAT)) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(vsix));
    if (!vscode.extensions.getExtension(REDHAT)) await added;
    await vscode.extensions.getExtension(REDHAT)?.activate();

    const broken = await openFixture('pair-broken.yaml');
    const diagnostics = await waitForDiagnostics(broken.uri, (ds) => oursSyntax(ds).length === 0 && theirs(ds).length > 0, 40_000);
    assert.deepStrictEqual(diagnostics.filter(ours), [], describeAll(diagnostics));
  });

  test('yaml.validate false: we report the syntax error once, Red Hat nothing; true again: the other way round', async () => {
    const broken = await openFixture('pair-broken.yaml');
    try {
      await setValidate(false);
      const off = await waitForDiagnostics(broken.uri, (ds) => oursSyntax(ds).length === 1 && theirs(ds).length === 0);
      assert.strictEqual(off.length, 1, describeAll(off));
    } finally {
      await setValidate(undefined);
    }
    await waitForDiagnostics(broken.uri, (ds) => oursSyntax(ds).length === 0 && theirs(ds).length > 0);
  });

  test('a mis-indented label: our one report with the API server message; Red Hat adds its schema report', async () => {
    const doc = await openFixture('pair-misindented.yaml');
    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'misindented-field') && theirs(ds).some((d) => /Property app is not allowed/.test(d.message)),
      40_000,
    );
    const ourReports = diagnostics.filter((d) => ours(d) && doc.getText(d.range) === 'app');
    assert.strictEqual(ourReports.length, 1, describeAll(diagnostics));
    assert.ok(ourReports[0].message.startsWith('strict decoding error: unknown field "spec.app"'), ourReports[0].message);

    // Our fix comes first among the quick fixes for that range, ahead of Red Hat's "rename key" guesses.
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, ourReports[0].range, 'quickfix')) ?? [];
    assert.ok(actions.length > 0, 'no quick fixes');
    assert.match(actions[0].title, /^Move app under selector/, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(actions[0].isPreferred, true, actions[0].title);
  });

  test('completion: each spec key once, none of ours lost', async () => {
    const doc = await openFixture('pair-service.yaml');
    // Red Hat's schema completion is ready once it offers a key we do not offer.
    const labels = await until(
      () => specKeyLabels(doc),
      (all) => all.includes('sessionAffinityConfig'),
    );
    const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
    assert.deepStrictEqual(repeated, [], `labels offered twice: ${labels.join(' ')}`);
    for (const key of ourSpecKeys) assert.ok(labels.includes(key), `${key} is no longer offered: ${labels.join(' ')}`);
  });

  test('hover: ours and Red Hat YAML both answer; the hover widget is left open for the launcher to read', async () => {
    const doc = await openFixture('pair-service.yaml');
    const value = doc.positionAt(doc.getText().indexOf('type: NodePort') + 'type: '.length + 2);
    const texts = await until(
      () => hoverTexts(doc, value),
      (all) => all.length >= 2,
    );
    // `vscode.executeHoverProvider` lists hovers in the order they arrive, not in the order the hover widget shows
    // them (by provider, newest registration first): lib/redhatPair.mjs reads that order from the widget itself.
    assert.ok(
      texts.some((text) => /\*\*Service `shop`\*\* · `type: NodePort`/.test(text)),
      texts.join('\n---\n'),
    );
    assert.ok(
      texts.some((text) => text.includes('type determines how the Service is exposed')),
      texts.join('\n---\n'),
    );
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(value, value);
    await vscode.commands.executeCommand('editor.action.showHover');
  });
});
