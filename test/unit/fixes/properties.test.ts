import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseFile } from '../../../server/src/core/parse';
import { analyzeFile, type Finding } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { fixAll, fixesFor } from '../../../server/src/core/fixes';
import { applyEdits } from '../../../server/src/core/fixes/edits';
import { ALL_RULES } from '../../../server/src/rules';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'invalid');
const URI = 'file:///workspace/fixture.yaml';

function check(text: string): { findings: Finding[]; file: ReturnType<typeof parseFile>; index: WorkspaceIndex } {
  const index = new WorkspaceIndex();
  const file = parseFile(URI, text);
  index.set(file);
  return { findings: analyzeFile(file, index, DEFAULT_SETTINGS, ALL_RULES), file, index };
}

const yamlErrors = (text: string) => parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : d.errors)).length;
const errorsBesides = (findings: Finding[], ruleId: string) => findings.filter((f) => f.severity === 'error' && f.ruleId !== ruleId).length;

const files = readdirSync(fixtures).filter((name) => /\.ya?ml$/.test(name));

for (const name of files) {
  test(`every fix for ${name} removes its finding, adds no error, keeps YAML valid and is idempotent`, () => {
    const text = readFileSync(path.join(fixtures, name), 'utf8');
    const before = check(text);
    let fixesSeen = 0;
    for (const finding of before.findings) {
      for (const fix of fixesFor(before.file, before.index, DEFAULT_SETTINGS, finding)) {
        fixesSeen++;
        const fixed = applyEdits(text, fix.edits);
        const after = check(fixed);
        const label = `${finding.ruleId} "${fix.title}"`;
        const sameRuleBefore = before.findings.filter((f) => f.ruleId === finding.ruleId).length;
        const sameRuleAfter = after.findings.filter((f) => f.ruleId === finding.ruleId).length;
        assert.ok(sameRuleAfter < sameRuleBefore, `${label} did not remove the finding`);
        assert.ok(errorsBesides(after.findings, finding.ruleId) <= errorsBesides(before.findings, finding.ruleId), `${label} introduced an error`);
        assert.ok(yamlErrors(fixed) <= yamlErrors(text), `${label} broke the YAML:\n${fixed}`);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), `${label} introduced a bare LF in a CRLF file`);
      }
    }
    assert.ok(fixesSeen > 0, `no fix offered in ${name}: a fixture here must exercise at least one fix`);

    const once = applyEdits(text, fixAll(before.file, before.index, DEFAULT_SETTINGS, before.findings));
    const again = check(once);
    const twice = applyEdits(once, fixAll(again.file, again.index, DEFAULT_SETTINGS, again.findings));
    const thrice = check(twice);
    assert.equal(applyEdits(twice, fixAll(thrice.file, thrice.index, DEFAULT_SETTINGS, thrice.findings)), twice, 'fix-all does not converge');
    assert.ok(yamlErrors(once) <= yamlErrors(text));
  });
}
