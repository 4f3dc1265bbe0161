// Hovers as a user sees them: VS Code asks every hover provider through `vscode.executeHoverProvider`,
// which reaches the real language server through the real client.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, openFixture, rangeAfter, waitForDiagnostics } from './helpers';

const EXTENSION_ID = 'kube-service-lens.kube-service-lens';

/** The extension's activate() resolves once the language client has started, so requests are answered from then on. */
async function serverReady(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

async function hoverMarkdown(
  doc: vscode.TextDocument,
  position: vscode.Position,
): Promise<{ text: string; ranges: vscode.Range[]; contents: Array<vscode.MarkdownString | vscode.MarkedString> }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  const contents = hovers.flatMap((hover) => hover.contents);
  const text = contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n---\n');
  return { text, ranges: hovers.map((hover) => hover.range).filter((range): range is vscode.Range => range !== undefined), contents };
}

/** Our part of a hover (the Markdown that starts with `start`); other providers' parts are left out. */
function ourPart(contents: Array<vscode.MarkdownString | vscode.MarkedString>, start: string): vscode.MarkdownString {
  const ours = contents.find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.startsWith(start));
  assert.ok(ours, `no hover part starting with ${start}: ${contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n')}`);
  return ours;
}

const nonEmptyLines = (markdown: string) => markdown.split('\n').filter((line) => line.trim() !== '').length;

suite('hover', () => {
  test('type: NodePort explains this Service with its own node port, target port and replicas', async () => {
    const doc = await openFixture('hover-nodeport.yaml');
    await serverReady();
    const value = rangeAfter(doc, 'type:', 'NodePort');

    const { text, ranges } = await hoverMarkdown(doc, value.start.translate(0, 2));

    assert.match(text, /\*\*Service `shop`\*\* · `type: NodePort`: a cluster IP, plus the same port opened on every node\./, text);
    assert.match(text, /^- `<NodeIP>:30080` on any node, and `shop:80` in the cluster \(TCP\) → port 8080 \(`http`\)$/m);
    assert.match(text, /^- Pods: the 2 pods of Deployment `shop` \(labels `app=shop`\)$/m);
    assert.match(text, /\[Show traffic path\]\(command:kubeServiceLens\.showTrafficPreviewToSide\?/);
    // The comparison of the four types is one click away, not in the hover.
    assert.doesNotMatch(text, /NodePort vs LoadBalancer|Spreads load across nodes/);
    assert.match(text, /\[Compare Service types\]\(command:kubeServiceLens\.showServiceTypes /);
    assert.ok(
      ranges.some((range) => range.isEqual(value)),
      `a hover range should cover "NodePort"; got ${ranges.map((r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`).join(', ')}`,
    );
  });

  test('nodePort and containerPort hovers point at each other', async () => {
    const doc = await openFixture('hover-nodeport.yaml');
    await serverReady();

    const nodePort = await hoverMarkdown(doc, rangeAfter(doc, 'nodePort:', '30080').start);
    assert.match(nodePort.text, /`30080`, inside 30000-32767: clients reach `<NodeIP>:30080` \(TCP\)/, nodePort.text);

    const containerPort = await hoverMarkdown(doc, rangeAfter(doc, 'containerPort:', '8080').start);
    assert.match(
      containerPort.text,
      /- Service `shop` \(NodePort\) port `http` 80\/TCP; from outside `<NodeIP>:30080` · \[hover-nodeport\.yaml:4\]/,
      containerPort.text,
    );
  });

  test('on a field with an error, our hover is one line and links, and the Quick Fix the problem offers exists', async () => {
    // VS Code renders the problem first and its "View Problem" / "Quick Fix..." actions in a status bar after every
    // hover part (MarkerHoverParticipant hoverOrdinal 1 < MarkdownHoverParticipant 3; see features/hover/index.ts).
    // This suite cannot read the rendered hover widget, so it checks the parts that decide whether that status bar is
    // in view: the problem is under the cursor, it has a quick fix, and our part of the same hover is two lines.
    const doc = await openFixture('bad-nodeport.yaml');
    await serverReady();
    const value = rangeAfter(doc, 'nodePort:', '80');
    const isTheOne = (d: vscode.Diagnostic) => codeOf(d) === 'nodeport-out-of-range' && d.range.contains(value.start);
    const [problem] = (await waitForDiagnostics(doc.uri, (ds) => ds.some(isTheOne))).filter(isTheOne);
    const fixes =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        problem.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    assert.ok(fixes.length > 0, `the problem offers a quick fix: ${describeDiagnostic(problem)}`);

    const { contents, ranges } = await hoverMarkdown(doc, value.start.translate(0, 1));
    const ours = ourPart(contents, '**`spec.ports[0].nodePort`**');
    assert.ok(nonEmptyLines(ours.value) <= 2, `our hover on a field with an error is at most two lines:\n${ours.value}`);
    assert.match(ours.value, /^\*\*`spec\.ports\[0\]\.nodePort`\*\*: `80` is outside the node-port range 30000-32767/);
    assert.ok(
      ranges.some((range) => range.intersection(problem.range)),
      'the hover and the problem cover the same text',
    );

    // The same hover one line up, on a field without a problem, explains in full.
    const port = ourPart((await hoverMarkdown(doc, rangeAfter(doc, 'port:', '80').start)).contents, '**`spec.ports[0].port`**');
    assert.ok(nonEmptyLines(port.value) >= 4, port.value);
  });

  test('the Compare Service types link is trusted and opens the page shipped with the extension', async () => {
    const doc = await openFixture('hover-nodeport.yaml');
    await serverReady();
    const { contents } = await hoverMarkdown(doc, rangeAfter(doc, 'type:', 'NodePort').start);
    const ours = ourPart(contents, '**Service `shop`**');
    const trusted = ours.isTrusted;
    assert.ok(
      typeof trusted === 'object' && trusted.enabledCommands.includes('kubeServiceLens.showServiceTypes'),
      `VS Code runs the link only if the hover trusts the command: ${JSON.stringify(trusted)}`,
    );

    const opened = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no tab for service-types.md within 20 s')), 20_000);
      const check = () => {
        const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => /service-types/.test(t.label));
        if (tab) {
          clearTimeout(timer);
          sub.dispose();
          resolve(tab.label);
        }
      };
      const sub = vscode.window.tabGroups.onDidChangeTabs(check);
      check();
    });
    await vscode.commands.executeCommand('kubeServiceLens.showServiceTypes');
    const label = await opened;
    assert.match(label, /service-types/);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const page = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'service-types.md'));
    assert.match(Buffer.from(page).toString('utf8'), /^## NodePort vs LoadBalancer$/m);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });
});
