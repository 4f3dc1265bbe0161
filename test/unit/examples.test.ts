// The examples `npm start` opens: each shows exactly the problem it is there to show (the README names the one in
// nodeport.yaml, each file's leading comment its own), and every quick fix for it leaves the file clean, so a user who
// tries a fix is not left with a second problem to puzzle over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeFile } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { applyEdits } from '../../server/src/document/edits';
import { fixesFor } from '../../server/src/features/fixes';
import { parseFile } from '../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { ALL_RULES } from '../../server/src/rules';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const uriOf = (name: string) => `file:///examples/${name}`;

/** The rule each example demonstrates, on the text it marks; an example without an entry here fails the test. */
const SHOWS: Record<string, Array<[ruleId: string, marked: string]>> = {
  'loadbalancer.yaml': [],
  'misindented-selector.yaml': [['misindented-field', 'app']],
  'nodeport.yaml': [['nodeport-out-of-range', '8080']],
};

/** The examples folder as one workspace, as `npm start` opens it, with `name` replaced by `text` when given. */
function examples(replace?: { name: string; text: string }): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setRoots(['file:///examples/']);
  for (const name of readdirSync(EXAMPLES)) {
    const text = name === replace?.name ? replace.text : readFileSync(path.join(EXAMPLES, name), 'utf8');
    index.set(parseFile(uriOf(name), text));
  }
  return index;
}

const findingsOf = (index: WorkspaceIndex, name: string) => analyzeFile(index.get(uriOf(name))!, index, DEFAULT_SETTINGS, ALL_RULES);

test('the end-to-end copy of the mis-indented example is the example with its names changed', () => {
  const example = readFileSync(path.join(EXAMPLES, 'misindented-selector.yaml'), 'utf8');
  const copy = readFileSync(path.join(ROOT, 'test', 'e2e', 'workspace', 'quickfix-misindented-example.yaml'), 'utf8');
  assert.equal(copy.slice(copy.indexOf('\n') + 1), example.replace(/shop/g, 'example-shop'));
});

test('every example is listed with the problem it shows', () => {
  assert.deepEqual(readdirSync(EXAMPLES).sort(), Object.keys(SHOWS).sort());
});

for (const [name, shows] of Object.entries(SHOWS)) {
  test(`examples/${name} shows exactly its problem, and each of its quick fixes leaves the file clean`, () => {
    const index = examples();
    const file = index.get(uriOf(name))!;
    const findings = findingsOf(index, name);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, file.text.slice(f.start, f.end)]),
      shows,
    );
    for (const finding of findings) {
      const fixes = fixesFor(file, index, DEFAULT_SETTINGS, finding);
      assert.ok(fixes.length > 0, `no quick fix for ${finding.ruleId}`);
      for (const fix of fixes) {
        const fixed = applyEdits(file.text, fix.edits);
        const after = findingsOf(examples({ name, text: fixed }), name);
        assert.deepEqual(
          after.map((f) => `${f.ruleId}: ${f.message}`),
          [],
          `after "${fix.title}":\n${fixed}`,
        );
      }
    }
  });
}
