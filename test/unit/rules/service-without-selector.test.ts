import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'service-without-selector';

const service = (specLines: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${specLines}  ports:
    - port: 5432
`;

const cases: Array<[string, string, boolean]> = [
  ['no selector', '', true],
  ['selector: with no value', '  selector:\n', true],
  ['empty selector map', '  selector: {}\n', true],
  ['a selector', '  selector: {app: db}\n', false],
  ['ExternalName never has one', '  type: ExternalName\n  externalName: db.example.com\n', false],
  ['a templated selector is not a missing one', '  selector: "{{ include \\"x\\" . }}"\n', false],
  ['a headless Service without selector', '  clusterIP: None\n', true],
  ['publishNotReadyAddresses is a Service field, not a stray label', '  clusterIP: None\n  publishNotReadyAddresses: true\n', true],
  ['a label-like key beside the empty selector is misindented-field\'s', '  selector:\n  app: db\n', false],
];

for (const [name, spec, expected] of cases) {
  test(`${name} → ${expected ? 'information' : 'no finding'}`, () => {
    assert.equal(findingsOf(service(spec), RULE).length, expected ? 1 : 0);
  });
}

test('explains where endpoints come from, with the Service name and ports, without calling it wrong', () => {
  const text = service('');
  const [finding] = findingsOf(text, RULE);
  assert.equal(finding.severity, 'information');
  assert.equal(covered(text, finding), 'spec');
  assert.equal(
    finding.message,
    'Service `db` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends traffic for port 5432 only to the addresses in ' +
      'EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
  );
  assert.deepEqual(finding.data, { headless: false });
});

test('headless: DNS answers from the EndpointSlices, and port must equal targetPort', () => {
  const text = service('  clusterIP: None\n').replace('    - port: 5432\n', '    - port: 5432\n      targetPort: 6432\n');
  const [finding] = findingsOf(text, RULE);
  assert.match(finding.message, /^Headless Service `db` has no selector, so Kubernetes creates no EndpointSlices for it: its DNS name returns only the ready addresses/);
  assert.match(finding.message, /each `targetPort` must equal its `port`\.$/);
  assert.equal(findingsOf(service('  clusterIP: None\n'), RULE)[0].message.includes('targetPort'), false);
});

test('a label written directly under spec (the classic indentation slip) is left to misindented-field', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
  app: MyApp
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
`;
  assert.equal(findingsOf(text, RULE).length, 0);
  // Without the stray label the same empty selector is reported, on the selector key.
  const clean = text.replace('  app: MyApp\n', '');
  const [finding] = findingsOf(clean, RULE);
  assert.equal(covered(clean, finding), 'selector');
});

test('several ports are listed', () => {
  const text = service('').replace('    - port: 5432\n', '    - {name: a, port: 5432}\n    - {name: b, port: 5433}\n');
  assert.match(findingsOf(text, RULE)[0].message, /traffic for ports 5432 and 5433 only/);
});
