import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURES, lineOf, originLine, originText, renderAndCheck, type Outcome } from './kubectl';

const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);
const uriOf = (...parts: string[]) => pathToFileURL(fixture(...parts)).href;

function checked(outcome: Outcome) {
  if ('problem' in outcome) throw new Error(`the build failed: ${outcome.problem.message}`);
  return outcome;
}

test('an overlay patch that makes the Service a NodePort: clean, and its type comes from the patch line', async () => {
  const { rendered, findings } = checked(await renderAndCheck(fixture('shop', 'overlays', 'nodeport')));
  assert.deepEqual(
    findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => finding.ruleId),
    [],
  );
  const text = rendered.file.text;
  const type = text.indexOf('NodePort');
  const origin = await rendered.originOf(type, type + 'NodePort'.length, new AbortController().signal);
  assert.equal(origin?.uri, uriOf('shop', 'overlays', 'nodeport', 'service-nodeport.yaml'));
  assert.equal(originText(origin), 'NodePort');
  assert.equal(origin.via, 'overlay overlays/nodeport');
  // A field the patch does not touch stays on the base line.
  const target = text.indexOf('targetPort: http') + 'targetPort: '.length;
  const base = await rendered.originOf(target, target + 4, new AbortController().signal);
  assert.equal(base?.uri, uriOf('shop', 'base', 'service.yaml'));
  assert.equal(originLine(base), lineOf(fixture('shop', 'base', 'service.yaml'), 'targetPort: http'));
});

test('an out-of-range nodePort set by an overlay patch lands on the patch line and names the overlay', async () => {
  const { findings } = checked(await renderAndCheck(fixture('shop', 'overlays', 'out-of-range')));
  const outOfRange = findings.filter((finding) => finding.ruleId === 'nodeport-out-of-range');
  assert.equal(outOfRange.length, 1);
  const origin = outOfRange[0].origin!;
  assert.equal(origin.uri, uriOf('shop', 'overlays', 'out-of-range', 'service-nodeport.yaml'));
  assert.equal(originText(origin), '9090');
  assert.equal(originLine(origin), lineOf(fixture('shop', 'overlays', 'out-of-range', 'service-nodeport.yaml'), 'nodePort: 9090'));
  assert.equal(origin.via, 'overlay overlays/out-of-range');
});

test('a JSON 6902 patch written inline in the kustomization: the finding lands on its value line there', async () => {
  const { findings } = checked(await renderAndCheck(fixture('shop', 'overlays', 'inline')));
  const outOfRange = findings.filter((finding) => finding.ruleId === 'nodeport-out-of-range');
  assert.equal(outOfRange.length, 1);
  const origin = outOfRange[0].origin!;
  assert.equal(origin.uri, uriOf('shop', 'overlays', 'inline', 'kustomization.yaml'));
  assert.equal(originText(origin), '40000');
  assert.equal(originLine(origin), lineOf(fixture('shop', 'overlays', 'inline', 'kustomization.yaml'), 'value: 40000'));
});

test('labels with includeSelectors give the Service its selector: no service-without-selector, and the Deployment matches', async () => {
  const { rendered, findings } = checked(await renderAndCheck(fixture('selectors')));
  const ids = findings.map((finding) => finding.ruleId);
  assert.ok(!ids.includes('service-without-selector'), ids.join(', '));
  assert.ok(!ids.includes('selector-matches-nothing'), ids.join(', '));
  // The selector label is Kustomize's: it goes to the pair under `labels`, naming the build.
  const selector = rendered.file.text.indexOf('selector:\n    app.kubernetes.io/name: catalog');
  const value = rendered.file.text.indexOf('catalog', selector);
  const origin = await rendered.originOf(value, value + 'catalog'.length, new AbortController().signal);
  assert.equal(origin?.uri, uriOf('selectors', 'kustomization.yaml'));
  assert.equal(originLine(origin), lineOf(fixture('selectors', 'kustomization.yaml'), 'app.kubernetes.io/name: catalog'));
  assert.equal(origin.via, 'overlay kustomize/selectors');
});

test('commonLabels, namespace and namePrefix are applied before selection, and each traces to its kustomization line', async () => {
  const { rendered, findings } = checked(await renderAndCheck(fixture('common')));
  const ids = findings.map((finding) => finding.ruleId);
  assert.ok(!ids.includes('selector-matches-nothing'), ids.join(', '));
  const signal = new AbortController().signal;
  const text = rendered.file.text;
  const kustomization = fixture('common', 'kustomization.yaml');
  const at = async (needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    assert.ok(start >= 0, needle);
    return (await rendered.originOf(start, start + needle.length, signal))!;
  };
  const namespace = await at('payments', text.indexOf('namespace:'));
  assert.equal(namespace.uri, uriOf('common', 'kustomization.yaml'));
  assert.equal(originLine(namespace), lineOf(kustomization, 'namespace: payments'));
  const name = await at('eu-shop');
  assert.equal(originLine(name), lineOf(kustomization, 'namePrefix: eu-'));
  const team = await at('payments', text.indexOf('selector:'));
  assert.equal(originLine(team), lineOf(kustomization, 'team: payments'));
  // The base's own selector label stays on the base line.
  const app = await at('shop', text.indexOf('selector:'));
  assert.equal(app.uri, uriOf('shop', 'base', 'service.yaml'));
  assert.equal(originLine(app), lineOf(fixture('shop', 'base', 'service.yaml'), 'app: shop'));
});

test('a remote base is refused with kustomize’s own message, on its resource entry', async () => {
  const outcome = await renderAndCheck(fixture('remote'));
  assert.ok('problem' in outcome, 'the build must fail offline');
  const { problem } = outcome;
  assert.match(problem.message, /accumulating resources from 'https:\/\/git\.example\.invalid\/platform\/bases\/\/web\?ref=v1\.2\.0'/);
  assert.equal(problem.origin.uri, uriOf('remote', 'kustomization.yaml'));
  assert.equal(originText(problem.origin), 'https://git.example.invalid/platform/bases//web?ref=v1.2.0');
  assert.equal(problem.origin.via, 'overlay kustomize/remote');
});

test('a missing resource file: kustomize’s message on the entry that names it', async () => {
  const outcome = await renderAndCheck(fixture('missing'));
  assert.ok('problem' in outcome, 'the build must fail');
  assert.match(outcome.problem.message, /^accumulating resources: .*'deployment\.yaml'.*no such file or directory/);
  assert.equal(outcome.problem.origin.uri, uriOf('missing', 'kustomization.yaml'));
  assert.equal(originText(outcome.problem.origin), 'deployment.yaml');
  assert.equal(originLine(outcome.problem.origin), lineOf(fixture('missing', 'kustomization.yaml'), '- deployment.yaml'));
});
