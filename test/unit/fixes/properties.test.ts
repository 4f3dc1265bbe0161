import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseFile, type FileModel } from '../../../server/src/kubernetes/manifest';
import { analyzeFile, type Finding } from '../../../server/src/analysis/analyze';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { fixAll, fixesFor } from '../../../server/src/features/fixes';
import { objectAt } from '../../../server/src/analysis/analyzeRange';
import { applyEdits } from '../../../server/src/document/edits';
import { ALL_RULES } from '../../../server/src/rules';
import { corpusFolder } from '../../kit/corpus';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'invalid');
const EXAMPLES = path.join(ROOT, 'examples');
/** Real manifests with known defects (see test/corpus/SOURCES.md). */
const REAL_WORLD = corpusFolder('real-world');
const URI = 'file:///workspace/fixture.yaml';

interface Checked {
  findings: Finding[];
  file: FileModel;
  index: WorkspaceIndex;
}

/** Analyses `text` alone as the workspace; with `previous`, chunks a fix did not touch are reused, not re-parsed. */
function check(text: string, previous?: FileModel): Checked {
  const index = new WorkspaceIndex();
  const file = parseFile(URI, text, previous);
  index.set(file);
  return { findings: analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES), file, index };
}

const yamlErrors = (text: string) => parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : d.errors)).length;
const errorsBesides = (findings: Finding[], ruleId: string) => findings.filter((f) => f.severity === 'error' && f.ruleId !== ruleId).length;
/** Which object of the file a finding belongs to; fixes never add or remove objects, so the position identifies it. */
const objectIndex = (checked: Checked, finding: Finding) => {
  const located = objectAt(checked.file, finding.start);
  return located ? checked.file.objects.findIndex((entry) => entry.object === located.object) : -1;
};
/** The same problem in the same object, wherever the fix has moved it in the text. */
const sameProblem = (before: Checked, a: Finding, after: Checked, b: Finding) =>
  a.ruleId === b.ruleId &&
  a.message === b.message &&
  before.file.text.slice(a.start, a.end) === after.file.text.slice(b.start, b.end) &&
  objectIndex(before, a) === objectIndex(after, b);

const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => path.join(dir, name))
    : [];
const fixtureFiles = yamlFiles(FIXTURES);
const rulesWithFixesSeen = new Set<string>();

/** Every property of every offered fix; returns how many fixes were seen. */
function checkEveryFix(text: string): number {
  const before = check(text);
  let seen = 0;
  for (const finding of before.findings) {
    const located = objectAt(before.file, finding.start);
    for (const fix of fixesFor(before.file, before.index, DEFAULT_SETTINGS, finding)) {
      seen++;
      rulesWithFixesSeen.add(finding.ruleId);
      const label = `${finding.ruleId} "${fix.title}"`;
      const fixed = applyEdits(text, fix.edits);
      const after = check(fixed, before.file);
      // (1) the diagnostic is gone
      const count = (c: Checked) => c.findings.filter((f) => f.ruleId === finding.ruleId).length;
      assert.ok(count(after) < count(before), `${label} did not remove the finding:\n${fixed}`);
      // (2) no new error from any other rule
      assert.ok(errorsBesides(after.findings, finding.ruleId) <= errorsBesides(before.findings, finding.ruleId), `${label} introduced an error:\n${fixed}`);
      // (3) the YAML still parses
      assert.ok(yamlErrors(fixed) <= yamlErrors(text), `${label} broke the YAML:\n${fixed}`);
      // (4) idempotent: the result offers no such fix for that finding any more
      for (const again of after.findings.filter((f) => sameProblem(before, finding, after, f))) {
        const titles = fixesFor(after.file, after.index, DEFAULT_SETTINGS, again).map((f) => f.title);
        assert.ok(!titles.includes(fix.title), `${label} is offered again after it was applied:\n${fixed}`);
      }
      // Minimal edits: never outside the object the finding is in, never the whole document.
      if (located) {
        const range = located.object.root.range!;
        for (const edit of fix.edits) {
          assert.ok(edit.start >= located.chunk.start + range[0] && edit.end <= located.chunk.start + range[2], `${label} edits outside its object`);
        }
      }
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), `${label} introduced a bare LF in a CRLF file`);
    }
  }
  return seen;
}

function checkFixAll(text: string): void {
  const before = check(text);
  const once = applyEdits(text, fixAll(before.file, before.index, DEFAULT_SETTINGS, before.findings));
  const again = check(once);
  const twice = applyEdits(once, fixAll(again.file, again.index, DEFAULT_SETTINGS, again.findings));
  const thrice = check(twice);
  assert.equal(applyEdits(twice, fixAll(thrice.file, thrice.index, DEFAULT_SETTINGS, thrice.findings)), twice, 'fix-all does not converge');
  assert.ok(yamlErrors(once) <= yamlErrors(text), 'fix-all broke the YAML');
  const errors = (c: Checked) => c.findings.filter((f) => f.severity === 'error').length;
  assert.ok(errors(thrice) <= errors(before), 'fix-all increased the number of errors');
}

for (const file of fixtureFiles) {
  test(`every fix for ${path.basename(file)} removes its finding, adds no error, keeps YAML valid and is idempotent`, () => {
    const text = readFileSync(file, 'utf8');
    assert.ok(checkEveryFix(text) > 0, `no fix offered in ${path.basename(file)}: a fixture here must exercise at least one fix`);
    checkFixAll(text);
  });
}

for (const file of yamlFiles(EXAMPLES)) {
  test(`fixes in examples/${path.basename(file)} keep the same properties`, () => {
    const text = readFileSync(file, 'utf8');
    checkEveryFix(text);
    checkFixAll(text);
  });
}

test('fixes on real-world manifests keep the same properties', () => {
  for (const file of yamlFiles(REAL_WORLD)) {
    const text = readFileSync(file, 'utf8');
    checkEveryFix(text);
    checkFixAll(text);
  }
});

test('the fixtures exercise every rule that has a quick fix', () => {
  // Runs after the per-file tests above (node:test runs top-level tests in order).
  const missing = ALL_RULES.filter((rule) => rule.fixes && !rulesWithFixesSeen.has(rule.id)).map((rule) => rule.id);
  assert.deepEqual(missing, [], `add a fixture to test/fixtures/invalid/ for: ${missing.join(', ')}`);
});
