import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { DEFAULT_SETTINGS, sizeLimit } from '../../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { toAnalysisSettings } from '../../../server/src/lsp/settings';
import { ALL_RULES } from '../../../server/src/rules';

const service = (name: string, nodePort: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector: {app: ${name}}\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`;
/** Three documents of 120 characters each (with their `---`). */
const THREE = [service('aaa', 80), service('bbb', 81), service('ccc', 82)].join('---\n');

function analyzeWith(text: string, maxSize: number | undefined, settings = DEFAULT_SETTINGS) {
  const index = new WorkspaceIndex();
  const file = parseFile('file:///big.yaml', text, undefined, { maxSize });
  index.set(file);
  return { file, findings: analyzeFile(file, index, settings, ALL_RULES) };
}

test('only the documents that end within the limit are parsed; the one crossing it and all after are not', () => {
  const secondEnds = THREE.indexOf('---', THREE.indexOf('---') + 1) + 4;
  const { file, findings } = analyzeWith(THREE, secondEnds + 10);
  assert.equal(file.chunks.length, 2);
  assert.deepEqual(file.truncated, { limit: secondEnds + 10, analysedUpTo: file.chunks[1].start + file.chunks[1].parsed.text.length });
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['file-too-large', 'nodeport-out-of-range', 'nodeport-out-of-range'],
  );
  const [notice] = findings;
  assert.equal(notice.severity, 'information');
  assert.equal(notice.start, 0);
  assert.equal(THREE.slice(notice.start, notice.end), 'apiVersion: v1');
  assert.equal(
    notice.message,
    'This file (0.0 MB) is larger than kubeServiceLens.maxFileSize (5 MB): only lines 1-21 (the first 2 documents) were checked.\n' +
      'Raise kubeServiceLens.maxFileSize (in MB, 0 for no limit) to check all of it; very large files make every edit slower.',
  );
});

test('a file whose first document already crosses the limit is not checked at all, and says so', () => {
  const { file, findings } = analyzeWith(THREE, 50);
  assert.equal(file.chunks.length, 0);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['file-too-large'],
  );
  assert.match(findings[0].message, /\(5 MB\), so it was not checked\.\n/);
});

test('under the limit, or with no limit, nothing changes', () => {
  for (const limit of [THREE.length, undefined]) {
    const { file, findings } = analyzeWith(THREE, limit);
    assert.equal(file.truncated, undefined);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['nodeport-out-of-range', 'nodeport-out-of-range', 'nodeport-out-of-range'],
    );
  }
});

test('the notice can be silenced like any rule, and template files get it too', () => {
  const off = { ...DEFAULT_SETTINGS, severities: { 'file-too-large': 'off' as const } };
  assert.deepEqual(
    analyzeWith(THREE, 200, off).findings.map((f) => f.ruleId),
    ['nodeport-out-of-range'],
  );
  const template = `${THREE}---\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n`;
  assert.deepEqual(
    analyzeWith(template, template.length - 5).findings.map((f) => f.ruleId),
    ['file-too-large', 'template-not-checked'],
  );
});

test('a later edit reuses the documents parsed before it and keeps the limit', () => {
  const { file } = analyzeWith(THREE, 300);
  const edited = parseFile('file:///big.yaml', THREE.replace('aaa', 'aab'), file, { maxSize: 300 });
  assert.equal(edited.chunks[1].parsed, file.chunks[1].parsed);
  assert.notEqual(edited.chunks[0].parsed, file.chunks[0].parsed);
  assert.ok(edited.truncated);
});

test('kubeServiceLens.maxFileSize: megabytes, 0 for no limit, anything invalid falls back to 5', () => {
  assert.equal(sizeLimit({ maxFileSize: 5 }), 5 * 1024 * 1024);
  assert.equal(sizeLimit({ maxFileSize: 0.5 }), 512 * 1024);
  assert.equal(sizeLimit({ maxFileSize: 0 }), undefined);
  assert.equal(toAnalysisSettings({ maxFileSize: 12 }, undefined).maxFileSize, 12);
  assert.equal(toAnalysisSettings({ maxFileSize: 0 }, undefined).maxFileSize, 0);
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '10', null]) {
    assert.equal(toAnalysisSettings({ maxFileSize: bad as number }, undefined).maxFileSize, 5, String(bad));
  }
});
