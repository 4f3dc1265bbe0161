import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isGoTemplate } from '../../../server/src/document/templates';
import { analyze } from '../../helpers/core';
import { corpusFiles } from '../../kit/corpus';

test('template syntax outside quotes makes a template; inside quotes or comments it does not', () => {
  assert.equal(isGoTemplate('spec:\n  nodePort: {{ .Values.nodePort }}\n'), true);
  assert.equal(isGoTemplate('{{- if .Values.enabled }}\napiVersion: v1\n'), true);
  assert.equal(isGoTemplate("args: ['http://grafana:{{ .Values.port }}']\n"), false);
  assert.equal(isGoTemplate('args: ["{{ x }}"]\n'), false);
  assert.equal(isGoTemplate('# {{ comment }}\na: 1 # {{ also }}\n'), false);
  assert.equal(isGoTemplate('a: 1\n'), false);
});

test('every Helm template of the corpus is recognised and gets exactly one hint', () => {
  for (const file of corpusFiles(['helm-templates'])) {
    const name = path.basename(file);
    const text = readFileSync(file, 'utf8');
    assert.equal(isGoTemplate(text), true, name);
    const findings = analyze(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity]),
      [['template-not-checked', 'hint']],
      name,
    );
  }
});

test('the template hint can be turned off', () => {
  const text = 'apiVersion: v1\nkind: Service\nspec:\n  type: {{ .Values.type }}\n';
  assert.deepEqual(analyze(text, { settings: { severities: { 'template-not-checked': 'off' } } }), []);
});
