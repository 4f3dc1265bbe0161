import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkCore } from '../../fuzz/coreCheck';
import { corpusFiles, REPO_ROOT } from '../../kit/corpus';
import { aliasBomb, deepNesting, manyAliases } from '../../fuzz/hostile';
import { analyze, covered } from '../../helpers/core';

const HOSTILE = path.join(REPO_ROOT, 'test', 'fixtures', 'hostile');
const read = (name: string) => readFileSync(path.join(HOSTILE, name), 'utf8');
const found = (text: string, uri?: string) => analyze(text, { uri }).map((f) => `${f.ruleId} ${JSON.stringify(covered(text, f))}`);
/**
 * What these inputs cost is measured by `npm run bench` (bench/core.mjs), not here, where other test files share the
 * CPU. The timeouts only stop a run that hangs, as an expanded bomb would.
 */
const HANG = { timeout: 600_000 };

for (const name of readdirSync(HOSTILE).filter((n) => /\.ya?ml$/.test(n))) {
  test(`hostile fixture ${name}: no exception, every span inside the text, fixes apply`, HANG, () => {
    checkCore(read(name), [0, 97, 1_000_003], '', { checkTime: false });
  });
}

test('a billion-laughs bomb (1 KB standing for 387 million strings) is analysed as written, never expanded', HANG, () => {
  for (const file of ['billion-laughs.yaml', 'billion-laughs-service.yaml']) {
    const text = read(file);
    assert.ok(text.length < 1100, `${file} is ${text.length} characters`);
    // Type errors are reported once per place in the text, not once per expanded value.
    const findings = analyze(text);
    assert.ok(findings.length < 60, `${findings.length} findings`);
  }
  // Deeper and wider bombs too (12^12 strings here): at most one finding per alias written in the text.
  const bomb = aliasBomb(12, 12, true);
  const findings = analyze(bomb);
  assert.ok(findings.length > 0 && findings.length <= bomb.split('*').length - 1, `${findings.length} findings`);
});

test('thousands of aliases resolve to their anchors (yaml searches the whole document per alias; we use one table)', HANG, () => {
  // 2,000 aliases took 9.6 s, growing with the square of their number, before they were resolved through one table.
  // Every port name is an alias of one of two anchors, so all but the first port of each name are duplicates.
  const count = 3000;
  const duplicates = analyze(manyAliases(count)).filter((f) => f.ruleId === 'port-name-duplicate');
  assert.equal(duplicates.length, count - 2);
});

test('YAML merge keys: values merged from an anchor are not mistaken for missing, values written in place are judged', () => {
  // Without merge-key awareness this List raised service-without-selector and external-traffic-policy-invalid
  // (the model saw no selector and no type, so ClusterIP) on the second Service.
  assert.deepEqual(found(read('merge-keys.yaml')), ['session-affinity-invalid "clientip"']);
});

test('BOM, CRLF, JSON-style flow YAML and `...` document ends: the findings sit exactly on the values', () => {
  assert.deepEqual(found(read('bom.yaml')), ['nodeport-out-of-range "80"']);
  assert.deepEqual(found(read('crlf.yaml')), ['nodeport-out-of-range "80"']);
  assert.deepEqual(found(read('json-flow.yaml')), ['nodeport-out-of-range "80"']);
  assert.deepEqual(found(read('document-end-markers.yaml')), ['nodeport-out-of-range "80"', 'nodeport-out-of-range "81"']);
});

test('UTF-16 surrogate pairs in values: spans count UTF-16 code units, as LSP positions do', () => {
  const text = read('surrogate-pairs.yaml');
  assert.deepEqual(found(text), [
    'labels-invalid "\\"🚀rocket🚀\\""',
    'selector-invalid "\\"🐳\\""',
    'port-name-invalid "\\"😀http\\""',
    'nodeport-out-of-range "80"',
  ]);
  const nodePort = analyze(text).find((f) => f.ruleId === 'nodeport-out-of-range');
  assert.equal(nodePort?.start, text.indexOf('nodePort: 80') + 'nodePort: '.length);
});

test('tabs as indentation are a YAML error (kubectl fails too), and nothing else is guessed from the broken document', () => {
  const findings = analyze(read('tabs.yaml'));
  assert.ok(findings.length > 0 && findings.every((f) => f.ruleId === 'yaml-syntax'), findings.map((f) => f.ruleId).join());
});

test('binary, UTF-16 and Latin-1 files decoded as UTF-8: no crash, no YAML noise', () => {
  assert.deepEqual(found(read('binary.yaml')), []);
  assert.deepEqual(found(read('utf16le-bom.yaml')), []);
  // A Latin-1 "é" decoded as UTF-8 is U+FFFD; an "é" is not allowed in a label value either way.
  assert.deepEqual(found(read('latin1.yaml')), ['labels-invalid "Andr\uFFFD"']);
});

test('absurd nesting is not handed to the parser: one notice on that document, the others checked as usual', () => {
  for (const style of ['flow-seq', 'flow-map', 'block-map', 'block-seq'] as const) {
    const deep = deepNesting(style.startsWith('block') ? 600 : 5000, style);
    const text = `${deep}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 80\n`;
    const findings = analyze(text);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['nesting-too-deep', 'nodeport-out-of-range'],
      style,
    );
    assert.equal(findings[0].start, 0);
    assert.equal(findings[0].severity, 'information');
  }
  // Real manifests nest a few dozen levels: far below the limit, they are parsed as always.
  assert.deepEqual(
    analyze(deepNesting(150, 'flow-seq')).map((f) => f.ruleId),
    ['ports-required', 'value-type'],
  );
});

test("under a chart's templates/ folder, {{ }} only inside quotes still makes a template; elsewhere it is text", () => {
  const text =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: "{{ .Release.Name }}-web"\nspec:\n  type: "{{ .Values.service.type }}"\n  ports:\n    - port: 80\n';
  assert.deepEqual(
    analyze(text, { uri: 'file:///chart/templates/service.yaml' }).map((f) => f.ruleId),
    ['template-not-checked'],
  );
  // An ordinary manifest may quote `{{` (an argument for another tool): it is checked, and those values are wrong there.
  assert.deepEqual(
    analyze(text, { uri: 'file:///manifests/service.yaml' }).map((f) => f.ruleId),
    ['service-name-invalid', 'service-without-selector', 'type-unsupported'],
  );
});

test('Helm templates: one hint per file, no YAML-syntax or schema false alarm', () => {
  for (const file of corpusFiles(['helm-templates'])) {
    const name = path.basename(file);
    const findings = analyze(readFileSync(file, 'utf8'), { uri: `file:///chart/templates/${name}` });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['template-not-checked'],
      name,
    );
  }
});
