import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toAnalysisSettings } from '../../../server/src/lsp/settings';

// The VS Code client decides, per configuration answer, whether Red Hat's YAML extension already reports syntax
// errors; that answer must win over what it said at start-up, or a later `yaml.validate: false` would leave broken
// YAML unreported.

test('reportYamlSyntaxErrors in the settings overrides the initialization option, both ways', () => {
  assert.equal(toAnalysisSettings({ reportYamlSyntaxErrors: true }, { reportYamlSyntaxErrors: false }).yamlSyntaxErrors, true);
  assert.equal(toAnalysisSettings({ reportYamlSyntaxErrors: false }, { reportYamlSyntaxErrors: true }).yamlSyntaxErrors, false);
  assert.equal(toAnalysisSettings({ reportYamlSyntaxErrors: false }, undefined).yamlSyntaxErrors, false);
});

test('without it in the settings, the initialization option decides, and syntax errors are reported by default', () => {
  assert.equal(toAnalysisSettings({}, { reportYamlSyntaxErrors: false }).yamlSyntaxErrors, false);
  assert.equal(toAnalysisSettings(undefined, { reportYamlSyntaxErrors: false }).yamlSyntaxErrors, false);
  assert.equal(toAnalysisSettings(undefined, undefined).yamlSyntaxErrors, true);
  // A value that is not a boolean is not an answer.
  assert.equal(toAnalysisSettings({ reportYamlSyntaxErrors: 'no' as unknown as boolean }, { reportYamlSyntaxErrors: false }).yamlSyntaxErrors, false);
  assert.equal(toAnalysisSettings({ reportYamlSyntaxErrors: 0 as unknown as boolean }, undefined).yamlSyntaxErrors, true);
});
