import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../../server/src/analysis/finding';
import { ALL_RULES } from '../../../../server/src/rules';
import { withRendered } from '../../../../server/src/service/rendered/merge';
import { mergeEntries } from '../../../../server/src/service/rendered/entries';
import { parseProjectConfig, applyProjectConfig } from '../../../../server/src/service/projectConfig';
import { DEFAULT_SETTINGS } from '../../../../server/src/analysis/settings';

const finding = (ruleId: string, start: number, end: number, message = ruleId): Finding => ({ ruleId, severity: 'error', message, start, end });
const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}@${f.start}`);

test('a rendered finding equal to a plain one (rule and range) is said once, the plain one kept', () => {
  const merged = withRendered(
    [finding('nodeport-out-of-range', 10, 14)],
    [finding('nodeport-out-of-range', 10, 14, 'x (rendered with values.yaml)')],
    { helmRendered: false, kustomizeRendered: false },
    ALL_RULES,
  );
  assert.deepEqual(
    merged.map((f) => f.message),
    ['nodeport-out-of-range'],
  );
});

test('where a chart rendered, its templates are not "not checked" and its values are not guessed at', () => {
  const plain = [finding('template-not-checked', 0, 2), finding('helm-values-nodeport-out-of-range', 20, 24), finding('yaml-syntax', 30, 31)];
  assert.deepEqual(ids(withRendered(plain, [], { helmRendered: true, kustomizeRendered: false }, ALL_RULES)), ['yaml-syntax@30']);
  assert.deepEqual(ids(withRendered(plain, [], { helmRendered: false, kustomizeRendered: false }, ALL_RULES)), ids(plain), 'no render, nothing changes');
});

test('an input of a Kustomize build takes its cross-resource verdicts from the build, its own checks from itself', () => {
  const plain = [finding('service-without-selector', 5, 10), finding('selector-matches-nothing', 12, 20), finding('port-out-of-range', 30, 32)];
  const rendered = [finding('selector-matches-nothing', 40, 45, 'from the build (rendered with overlay prod)')];
  assert.deepEqual(ids(withRendered(plain, rendered, { helmRendered: false, kustomizeRendered: true }, ALL_RULES)), [
    'port-out-of-range@30',
    'selector-matches-nothing@40',
  ]);
});

test('entries equal but for their variant become one finding naming each variant once', () => {
  const entry = { ruleId: 'nodeport-out-of-range', severity: 'error' as const, message: 'bad', uri: 'file:///v.yaml', start: 1, end: 2 };
  const merged = mergeEntries([
    { ...entry, label: 'values.yaml' },
    { ...entry, label: 'values-prod.yaml' },
    { ...entry, label: 'values.yaml' },
    { ...entry, message: 'other', label: 'values-prod.yaml' },
  ]);
  assert.deepEqual(
    merged.map((f) => f.message),
    ['bad (rendered with values.yaml, values-prod.yaml)', 'other (rendered with values-prod.yaml)'],
  );
});

test('.kube-service-lens.yaml: helm.valueSets and helm.valuesFiles are more variants; anything else there is a problem', () => {
  const config = parseProjectConfig('helm:\n  valueSets: [a.b=1]\n  valuesFiles: [ci/values.yaml]\n', '/p/.kube-service-lens.yaml');
  assert.deepEqual(config.problems, []);
  const settings = applyProjectConfig(DEFAULT_SETTINGS, config);
  assert.deepEqual(settings.render, { enabled: true, helmValueSets: ['a.b=1'], helmValuesFiles: ['ci/values.yaml'] });
  const bad = parseProjectConfig('helm:\n  valueSets: a.b=1\n  values: [x]\n', '/p/.kube-service-lens.yaml');
  assert.deepEqual(bad.problems, [
    '/p/.kube-service-lens.yaml: helm.valueSets must be a list of strings',
    '/p/.kube-service-lens.yaml: helm.values: unknown setting (known: valueSets, valuesFiles)',
  ]);
});
