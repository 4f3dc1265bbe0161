// Issue 18, "Hovers lead with this Service": every hover on the bundled examples and the e2e fixtures leads with this
// Service's own facts and stays within a budget; the generic comparison lives on docs/service-types.md, one link away.
// Budgets (words as a reader sees them: link targets and Markdown marks not counted; "body" = before the links line):
// - `type` hover: body ≤ 10 lines and ≤ 110 words; ≤ 80 words for the README's one-port NodePort example.
// - field hovers: ≤ 4 lines plus one per listed workload or collision, ≤ 115 words.
// - container-port hovers: ≤ 80 words.
// - any hover on a span that carries one of our diagnostics: the lead line and the links only, ≤ 50 words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { hoverAt } from '../../../../server/src/features/hover';
import { analyzeFile } from '../../../../server/src/analysis/analyze';
import { ALL_RULES } from '../../../../server/src/rules/index';
import { DEFAULT_SETTINGS } from '../../../../server/src/analysis/settings';
import { SERVICE_TYPES_PAGE_PATH } from '../../../../server/src/features/hover/docs';
import { SHOW_SERVICE_TYPES_COMMAND } from '../../../../server/src/protocol/index';
import { TestWorkspace } from '../../../kit/workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const words = (markdown: string) =>
  markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*`|>\\_#-]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
const lines = (markdown: string) => markdown.split('\n').filter((l) => l.trim() !== '').length;
/** Everything before the closing links paragraph. */
const body = (markdown: string) => {
  const parts = markdown.split('\n\n');
  return parts[parts.length - 1].startsWith('[') ? parts.slice(0, -1).join('\n\n') : markdown;
};

interface Seen {
  where: string;
  markdown: string;
  onProblem: boolean;
}

/** Every distinct hover of every YAML file in `dir`, hovered at the start of each token, as the server answers it. */
function hoversIn(dir: string): Seen[] {
  const names = readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.yaml'));
  const ws = new TestWorkspace(Object.fromEntries(names.map((n) => [n, read(path.join(dir, n))])));
  const seen: Seen[] = [];
  for (const name of names) {
    const file = ws.file(name);
    const findings = analyzeFile(file, ws.index, DEFAULT_SETTINGS, ALL_RULES);
    const spans = new Set<string>();
    for (let at = 0; at < file.text.length; at++) {
      if (/\s/.test(file.text[at]) || (at > 0 && !/[\s:-]/.test(file.text[at - 1]))) continue;
      const found = hoverAt({ uri: file.uri, file, workspace: ws.index, settings: DEFAULT_SETTINGS, commandLinks: true }, at);
      if (!found || spans.has(`${found.start}-${found.end}`)) continue;
      spans.add(`${found.start}-${found.end}`);
      const onProblem = findings.some((f) => f.start < found.end && f.end > found.start);
      const line = file.text.slice(0, found.start).split('\n').length;
      seen.push({ where: `${dir}/${name}:${line} ${JSON.stringify(file.text.slice(found.start, found.end))}`, markdown: found.markdown, onProblem });
    }
  }
  return seen;
}

const ALL = [...hoversIn('examples'), ...hoversIn('test/e2e/workspace')];

test('the fixtures give every kind of hover, including some on a field with a diagnostic', () => {
  assert.ok(ALL.some((h) => h.markdown.startsWith('**Service ')));
  assert.ok(ALL.some((h) => h.markdown.startsWith('**`spec.ports[0].nodePort`**')));
  assert.ok(ALL.some((h) => h.markdown.startsWith('**Container port ')));
  assert.ok(ALL.filter((h) => h.onProblem).length >= 2, 'hovers on a diagnostic');
});

test('a hover on a span with one of our diagnostics is its lead line and links only, so the Quick Fix link stays in view', () => {
  for (const h of ALL.filter((x) => x.onProblem && !x.markdown.startsWith('**Ignored by kubectl'))) {
    assert.ok(h.markdown.split('\n\n').length <= 2 && lines(h.markdown) <= 2, `${h.where}: ${lines(h.markdown)} lines\n${h.markdown}`);
    assert.ok(words(h.markdown) <= 50, `${h.where}: ${words(h.markdown)} words\n${h.markdown}`);
  }
});

test('type hovers lead with this Service and its type, within 10 lines and 110 words before the links', () => {
  const typeHovers = ALL.filter((h) => h.markdown.startsWith('**Service ') && !h.onProblem);
  assert.ok(typeHovers.length >= 10);
  for (const h of typeHovers) {
    assert.match(h.markdown.split('\n')[0], /^\*\*Service `[^`]+`\*\* · `type(: \w+)?`/, h.where);
    assert.ok(lines(body(h.markdown)) <= 10, `${h.where}: ${lines(body(h.markdown))} lines\n${h.markdown}`);
    assert.ok(words(body(h.markdown)) <= 110, `${h.where}: ${words(body(h.markdown))} words\n${h.markdown}`);
    assert.match(h.markdown, /\[Compare Service types\]\(command:kubeServiceLens\.showServiceTypes /, h.where);
  }
  // The README's example: one port, no notes.
  const example = typeHovers.find((h) => h.where.startsWith('test/e2e/workspace/hover-nodeport.yaml'));
  assert.ok(example);
  assert.ok(words(body(example.markdown)) <= 80, `${words(body(example.markdown))} words\n${example.markdown}`);
  // Its own numbers come right after the lead line.
  assert.match(example.markdown.split('\n').slice(0, 4).join('\n'), /`<NodeIP>:30080`/);
});

test('field hovers lead with the field and its value here, within 4 lines (plus one per listed workload) and 115 words', () => {
  const fieldHovers = ALL.filter((h) => h.markdown.startsWith('**`spec.') && !h.onProblem);
  assert.ok(fieldHovers.length >= 20);
  for (const h of fieldHovers) {
    // A field written without a value has nothing to say here yet.
    assert.match(h.markdown.split('\n')[0], /^\*\*`spec\.[^`]+`\*\*(: \S|$)/, `${h.where}: the value here leads`);
    const listed = h.markdown.split('\n').filter((l) => l.startsWith('  - ')).length;
    assert.ok(lines(body(h.markdown)) <= 4 + listed, `${h.where}: ${lines(body(h.markdown))} lines\n${h.markdown}`);
    assert.ok(words(body(h.markdown)) <= 115, `${h.where}: ${words(body(h.markdown))} words\n${h.markdown}`);
  }
});

test('container-port hovers stay within 80 words', () => {
  for (const h of ALL.filter((x) => x.markdown.startsWith('**Container port '))) {
    assert.ok(words(h.markdown) <= 80, `${h.where}: ${words(h.markdown)} words\n${h.markdown}`);
  }
});

test('the comparison page exists, ships in the VSIX, and the client opens it from a trusted command link', () => {
  const page = read(SERVICE_TYPES_PAGE_PATH);
  for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])
    assert.match(page, new RegExp(`\\[\\*\\*${type}\\*\\*\\]\\(https://kubernetes\\.io/`));
  assert.match(page, /^## NodePort vs LoadBalancer$/m);
  assert.match(page, /\| Spreads load across nodes \| nobody: clients, or a load balancer you run, pick a node \| the external load balancer \|/);
  assert.match(page, /at random in iptables and nftables mode, round-robin by default in IPVS mode/);
  assert.match(page, /UDP works where the provider\s+supports it/);
  assert.doesNotMatch(page, /(does not|doesn't|no) support (for )?UDP/i);
  for (const mention of page.match(/[^.|]*round-robin[^.|]*/g) ?? []) assert.match(mention, /IPVS/, `round-robin only with IPVS: ${mention}`);
  // Sources stay beside the text, in a comment the preview does not show.
  assert.match(page, /<!--[\s\S]*concepts\/services-networking\/service\.md[\s\S]*pkg\/proxy\/ipvs\/proxier\.go[\s\S]*-->/);

  assert.match(read('.vscodeignore'), new RegExp(`^!${SERVICE_TYPES_PAGE_PATH.replace('.', '\\.')}$`, 'm'));
  assert.ok(read('scripts/package.mjs').includes(`'${SERVICE_TYPES_PAGE_PATH}'`), 'the package check requires the page');
  const client = read('client/src/client.ts');
  assert.match(client, /enabledCommands: \[[^\]]*SHOW_SERVICE_TYPES_COMMAND[^\]]*\]/);
  const command = read('client/src/serviceTypesPage.ts');
  assert.match(command, /registerCommand\(SHOW_SERVICE_TYPES_COMMAND/);
  assert.match(command, /joinPath\(extensionUri, 'docs', 'service-types\.md'\)/);
  assert.match(read('client/src/extension.ts'), /registerServiceTypesPage\(context\.extensionUri\)/);
  assert.equal(SHOW_SERVICE_TYPES_COMMAND, 'kubeServiceLens.showServiceTypes');
});
