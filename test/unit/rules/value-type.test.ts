import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, findingsOf } from '../../helpers/core';

const RULE = 'value-type';
const service = (spec: string, metadata = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${metadata}spec:\n  selector:\n    app: web\n${spec}`;
const port = (fields: string) => service(`  ports:\n  - ${fields}\n`);

const cases: Array<{ name: string; text: string; covered: string; message: string; data: Record<string, unknown> }> = [
  {
    name: 'a quoted port number is a string',
    text: port('port: "80"'),
    covered: '"80"',
    message:
      'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n' +
      '`port` must be a number, but `"80"` is in quotes, which makes it a string: remove the quotes.',
    data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'string', number: 80 },
  },
  {
    name: 'a port name where only a number is allowed',
    text: port('port: http'),
    covered: 'http',
    message: 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n`port` must be a number, not the text `http`.',
    data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'string' },
  },
  {
    name: 'a fractional nodePort is named with its number',
    text: service('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080.5\n'),
    covered: '30080.5',
    message: 'json: cannot unmarshal number 30080.5 into Go struct field ServicePort.spec.ports.nodePort of type int32\n`nodePort` must be a whole number.',
    data: { path: 'spec.ports[0].nodePort', expected: 'integer', actual: 'number' },
  },
  {
    name: 'a number beyond int32',
    text: port('port: 99999999999'),
    covered: '99999999999',
    message:
      'json: cannot unmarshal number 99999999999 into Go struct field ServicePort.spec.ports.port of type int32\n' +
      '`port` is out of range: it must fit in a 32-bit integer.',
    data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'number' },
  },
  {
    name: 'a boolean targetPort (IntOrString decodes non-strings into its int32)',
    text: port('port: 80\n    targetPort: true'),
    covered: 'true',
    message:
      'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32\n' +
      '`targetPort` must be a port number or a port name, not `true`.',
    data: { path: 'spec.ports[0].targetPort', expected: 'integer or string', actual: 'bool' },
  },
  {
    name: 'a fractional targetPort',
    text: port('port: 80\n    targetPort: 80.5'),
    covered: '80.5',
    message: 'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32\n`targetPort` must be a whole number.',
    data: { path: 'spec.ports[0].targetPort', expected: 'integer', actual: 'number' },
  },
  {
    name: 'a selector written as a list',
    text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector:\n  - app: web\n  ports: [{port: 80}]\n',
    covered: '- app: web\n',
    message:
      'json: cannot unmarshal array into Go struct field ServiceSpec.spec.selector of type map[string]string\n' +
      '`selector` must be a mapping of `key: value` pairs, not a list: remove the `- ` in front of its entries.',
    data: { path: 'spec.selector', expected: 'mapping', actual: 'array' },
  },
  {
    name: 'ports written as a mapping',
    text: service('  ports:\n    port: 80\n'),
    covered: 'port: 80\n',
    message: 'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n`ports` must be a list: start each entry with `- `.',
    data: { path: 'spec.ports', expected: 'list', actual: 'object' },
  },
  {
    name: 'a bare number as a port entry',
    text: service('  ports: [80]\n'),
    covered: '80',
    message:
      'json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type v1.ServicePort\n' +
      'Each entry of `spec.ports` must be a mapping of fields such as `- port: 80`, not `80`.',
    data: { path: 'spec.ports[0]', expected: 'mapping', actual: 'number' },
  },
  {
    name: 'YAML 1.1: an unquoted `yes` label value is a boolean',
    text: service('  ports: [{port: 80}]\n', '  labels:\n    enabled: yes\n'),
    covered: 'yes',
    message:
      'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string\n' +
      'Kubernetes reads YAML 1.1, where an unquoted `yes` is a boolean, not a string: write `"yes"`.',
    data: { path: 'metadata.labels.enabled', expected: 'string', actual: 'bool', text: 'yes' },
  },
  {
    name: 'a number as an annotation value',
    text: service('  ports: [{port: 80}]\n', '  annotations:\n    example.com/weight: 1.10\n'),
    covered: '1.10',
    message:
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string\n' +
      '`example.com/weight` must be a string, but `1.10` is a number: quote it (`"1.10"`).',
    data: { path: 'metadata.annotations.example.com/weight', expected: 'string', actual: 'number', text: '1.10' },
  },
  {
    name: 'a quoted boolean',
    text: service('  ports: [{port: 80}]\n  publishNotReadyAddresses: "true"\n'),
    covered: '"true"',
    message:
      'json: cannot unmarshal string into Go struct field ServiceSpec.spec.publishNotReadyAddresses of type bool\n' +
      '`publishNotReadyAddresses` must be true or false, but `"true"` is in quotes, which makes it a string: remove the quotes.',
    data: { path: 'spec.publishNotReadyAddresses', expected: 'boolean', actual: 'string', boolean: true },
  },
  {
    name: 'a number for a named string type',
    text: service('  type: 1\n  ports: [{port: 80}]\n'),
    covered: '1',
    message:
      'json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType\n' +
      '`type` must be a string, not the number `1`.',
    data: { path: 'spec.type', expected: 'string', actual: 'number' },
  },
  {
    name: 'a single IP where a list is needed',
    text: service('  ports: [{port: 80}]\n  externalIPs: 192.0.2.10\n'),
    covered: '192.0.2.10',
    message:
      'json: cannot unmarshal string into Go struct field ServiceSpec.spec.externalIPs of type []string\n' +
      '`externalIPs` must be a list: put each entry on its own line, starting with `- `.',
    data: { path: 'spec.externalIPs', expected: 'list', actual: 'string' },
  },
  {
    name: 'spec as a list names the Service struct',
    text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: []\n',
    covered: '[]',
    message:
      'json: cannot unmarshal array into Go struct field Service.spec of type v1.ServiceSpec\n' +
      '`spec` must be a mapping of fields, not a list: remove the `- ` in front of its entries.',
    data: { path: 'spec', expected: 'mapping', actual: 'array' },
  },
  {
    name: 'a timestamp that is not a string (metav1.Time reads a Go string first)',
    text: service('  ports: [{port: 80}]\n', '  creationTimestamp: 5\n'),
    covered: '5',
    message:
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string\n' +
      '`creationTimestamp` must be an RFC 3339 timestamp such as `2024-01-01T00:00:00Z`, or null, not `5`.',
    data: { path: 'metadata.creationTimestamp', expected: 'string', actual: 'number' },
  },
  {
    name: 'a quoted timeout deep in sessionAffinityConfig',
    text: service('  ports: [{port: 80}]\n  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: "600"\n'),
    covered: '"600"',
    message:
      'json: cannot unmarshal string into Go struct field ClientIPConfig.spec.sessionAffinityConfig.clientIP.timeoutSeconds of type int32\n' +
      '`timeoutSeconds` must be a number, but `"600"` is in quotes, which makes it a string: remove the quotes.',
    data: { path: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', expected: 'integer', actual: 'string', number: 600 },
  },
];

for (const c of cases) {
  test(c.name, () => {
    const [finding, ...rest] = findingsOf(c.text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(covered(c.text, finding), c.covered);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, c.message);
    assert.deepEqual(finding.data, c.data);
  });
}

const valid: Array<[string, string]> = [
  ['a quoted targetPort is a (port name) string, not a type error', port('port: 80\n    targetPort: "8080"')],
  ['a named targetPort', port('port: 80\n    targetPort: http')],
  ['YAML 1.1 booleans where booleans belong', service('  type: LoadBalancer\n  ports: [{port: 80}]\n  allocateLoadBalancerNodePorts: no\n  publishNotReadyAddresses: on\n')],
  ['YAML 1.1 integers: underscores, hex, octal', port('port: 1_000\n    targetPort: 0x1F90\n    nodePort: 0')],
  ['80.0 is sent as 80', port('port: 80.0')],
  ['quoted label values, even number-like ones', service('  ports: [{port: 80}]\n', '  labels:\n    version: "1.0"\n    enabled: "yes"\n')],
  ['null anywhere means "not set"', service('  ports:\n  - port: 80\n    nodePort: null\n  externalIPs: ~\n', '  labels:\n    gone:\n  annotations: null\n')],
  ['an unquoted timestamp stays a string', service('  ports: [{port: 80}]\n', '  creationTimestamp: 2024-01-01T00:00:00Z\n')],
  ['other kinds are left alone', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: "3"\n'],
];

for (const [name, text] of valid) {
  test(`no finding: ${name}`, () => {
    assert.deepEqual(findingsOf(text, RULE), []);
  });
}

test('every wrong value is reported, not only the first one the API server would stop at', () => {
  const text = service('  ports:\n  - port: "80"\n    nodePort: "30080"\n  - port: "443"\n');
  assert.deepEqual(findingsOf(text, RULE).map((f) => covered(text, f)), ['"80"', '"30080"', '"443"']);
});
