import { ruleTester } from '../../kit/ruleTester';
import { valueType } from '../../../server/src/rules/value-type';

const service = (spec: string, metadata = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${metadata}spec:\n  selector:\n    app: web\n${spec}`;

const port = (fields: string) => service(`  ports:\n  - ${fields}\n`);

ruleTester.run(valueType, {
  valid: [
    {
      name: 'no finding: a quoted targetPort is a (port name) string, not a type error',
      code: service('  ports:\n  - port: 80\n    targetPort: "8080"\n'),
    },
    { name: 'no finding: a named targetPort', code: service('  ports:\n  - port: 80\n    targetPort: http\n') },
    {
      name: 'no finding: YAML 1.1 booleans where booleans belong',
      code: service(`  type: LoadBalancer
  ports: [{port: 80}]
  allocateLoadBalancerNodePorts: no
  publishNotReadyAddresses: on
`),
    },
    {
      name: 'no finding: YAML 1.1 integers: underscores, hex, octal',
      code: service(`  ports:
  - port: 1_000
    targetPort: 0x1F90
    nodePort: 0
`),
    },
    { name: 'no finding: 80.0 is sent as 80', code: port('port: 80.0') },
    {
      name: 'no finding: quoted label values, even number-like ones',
      code: service('  ports: [{port: 80}]\n', '  labels:\n    version: "1.0"\n    enabled: "yes"\n'),
    },
    {
      name: 'no finding: null anywhere means "not set"',
      code: service(
        `  ports:
  - port: 80
    nodePort: null
  externalIPs: ~
`,
        '  labels:\n    gone:\n  annotations: null\n',
      ),
    },
    {
      name: 'no finding: an unquoted timestamp stays a string',
      code: service('  ports: [{port: 80}]\n', '  creationTimestamp: 2024-01-01T00:00:00Z\n'),
    },
    {
      name: 'no finding: other kinds are left alone',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: "3"
`,
    },
  ],
  invalid: [
    {
      name: 'a quoted port number is a string',
      code: port('port: ⟦"80"⟧'),
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n' +
            '`port` must be a number, but `"80"` is in quotes, which makes it a string: remove the quotes.',
          data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'string', number: 80 },
          fixes: [{ title: 'Remove the quotes (80 is a number)', output: port('port: 80'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'a port name where only a number is allowed',
      code: port('port: ⟦http⟧'),
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n' + '`port` must be a number, not the text `http`.',
          data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'string' },
        },
      ],
    },
    {
      name: 'a fractional nodePort is named with its number',
      code: service(`  type: NodePort
  ports:
  - port: 80
    nodePort: ⟦30080.5⟧
`),
      errors: [
        {
          message:
            'json: cannot unmarshal number 30080.5 into Go struct field ServicePort.spec.ports.nodePort of type int32\n' + '`nodePort` must be a whole number.',
          data: { path: 'spec.ports[0].nodePort', expected: 'integer', actual: 'number' },
        },
      ],
    },
    {
      name: 'a number beyond int32',
      code: port('port: ⟦99999999999⟧'),
      errors: [
        {
          message:
            'json: cannot unmarshal number 99999999999 into Go struct field ServicePort.spec.ports.port of type int32\n' +
            '`port` is out of range: it must fit in a 32-bit integer.',
          data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'number' },
        },
      ],
    },
    {
      name: 'a boolean targetPort (IntOrString decodes non-strings into its int32)',
      code: service('  ports:\n  - port: 80\n    targetPort: ⟦true⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32\n' +
            '`targetPort` must be a port number or a port name, not `true`.',
          data: { path: 'spec.ports[0].targetPort', expected: 'integer or string', actual: 'bool' },
        },
      ],
    },
    {
      name: 'a fractional targetPort',
      code: service('  ports:\n  - port: 80\n    targetPort: ⟦80.5⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal number 80.5 into Go struct field ServicePort.spec.ports.targetPort of type int32\n' +
            '`targetPort` must be a whole number.',
          data: { path: 'spec.ports[0].targetPort', expected: 'integer', actual: 'number' },
        },
      ],
    },
    {
      name: 'a selector written as a list',
      code: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector:
  ⟦- app: web
⟧  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            'json: cannot unmarshal array into Go struct field ServiceSpec.spec.selector of type map[string]string\n' +
            '`selector` must be a mapping of `key: value` pairs, not a list: remove the `- ` in front of its entries.',
          data: { path: 'spec.selector', expected: 'mapping', actual: 'array' },
        },
      ],
    },
    {
      name: 'ports written as a mapping',
      code: service('  ports:\n    ⟦port: 80\n⟧'),
      errors: [
        {
          message:
            'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n' +
            '`ports` must be a list: start each entry with `- `.',
          data: { path: 'spec.ports', expected: 'list', actual: 'object' },
        },
      ],
    },
    {
      name: 'a bare number as a port entry',
      code: service('  ports: [⟦80⟧]\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type v1.ServicePort\n' +
            'Each entry of `spec.ports` must be a mapping of fields such as `- port: 80`, not `80`.',
          data: { path: 'spec.ports[0]', expected: 'mapping', actual: 'number' },
        },
      ],
    },
    {
      name: 'YAML 1.1: an unquoted `yes` label value is a boolean',
      code: service('  ports: [{port: 80}]\n', '  labels:\n    enabled: ⟦yes⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string\n' +
            'Kubernetes reads YAML 1.1, where an unquoted `yes` is a boolean, not a string: write `"yes"`.',
          data: { path: 'metadata.labels.enabled', expected: 'string', actual: 'bool', text: 'yes' },
          fixes: [
            {
              title: 'Quote it ("yes" is text)',
              output: service('  ports: [{port: 80}]\n', '  labels:\n    enabled: "yes"\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a number as an annotation value',
      code: service('  ports: [{port: 80}]\n', '  annotations:\n    example.com/weight: ⟦1.10⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string\n' +
            '`example.com/weight` must be a string, but `1.10` is a number: quote it (`"1.10"`).',
          data: {
            path: 'metadata.annotations.example.com/weight',
            expected: 'string',
            actual: 'number',
            text: '1.10',
          },
          fixes: [
            {
              title: 'Quote it ("1.10" is text)',
              output: service('  ports: [{port: 80}]\n', '  annotations:\n    example.com/weight: "1.10"\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a quoted boolean',
      code: service('  ports: [{port: 80}]\n  publishNotReadyAddresses: ⟦"true"⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ServiceSpec.spec.publishNotReadyAddresses of type bool\n' +
            '`publishNotReadyAddresses` must be true or false, but `"true"` is in quotes, which makes it a string: remove the quotes.',
          data: { path: 'spec.publishNotReadyAddresses', expected: 'boolean', actual: 'string', boolean: true },
          fixes: [
            {
              title: 'Remove the quotes (true is a boolean)',
              output: service('  ports: [{port: 80}]\n  publishNotReadyAddresses: true\n'),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a number for a named string type',
      code: service('  type: ⟦1⟧\n  ports: [{port: 80}]\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType\n' +
            '`type` must be a string, not the number `1`.',
          data: { path: 'spec.type', expected: 'string', actual: 'number' },
        },
      ],
    },
    {
      name: 'a single IP where a list is needed',
      code: service('  ports: [{port: 80}]\n  externalIPs: ⟦192.0.2.10⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ServiceSpec.spec.externalIPs of type []string\n' +
            '`externalIPs` must be a list: put each entry on its own line, starting with `- `.',
          data: { path: 'spec.externalIPs', expected: 'list', actual: 'string' },
        },
      ],
    },
    {
      name: 'spec as a list names the Service struct',
      code: `apiVersion: v1
kind: Service
metadata: {name: web}
spec: ⟦[]⟧
`,
      errors: [
        {
          message:
            'json: cannot unmarshal array into Go struct field Service.spec of type v1.ServiceSpec\n' +
            '`spec` must be a mapping of fields, not a list: remove the `- ` in front of its entries.',
          data: { path: 'spec', expected: 'mapping', actual: 'array' },
        },
      ],
    },
    {
      name: 'a timestamp that is not a string (metav1.Time reads a Go string first)',
      code: service('  ports: [{port: 80}]\n', '  creationTimestamp: ⟦5⟧\n'),
      errors: [
        {
          message:
            'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string\n' +
            '`creationTimestamp` must be an RFC 3339 timestamp such as `2024-01-01T00:00:00Z`, or null, not `5`.',
          data: { path: 'metadata.creationTimestamp', expected: 'string', actual: 'number' },
        },
      ],
    },
    {
      name: 'a quoted timeout deep in sessionAffinityConfig',
      code: service(`  ports: [{port: 80}]
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: ⟦"600"⟧
`),
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ClientIPConfig.spec.sessionAffinityConfig.clientIP.timeoutSeconds of type int32\n' +
            '`timeoutSeconds` must be a number, but `"600"` is in quotes, which makes it a string: remove the quotes.',
          data: {
            path: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
            expected: 'integer',
            actual: 'string',
            number: 600,
          },
          fixes: [
            {
              title: 'Remove the quotes (600 is a number)',
              output: service(`  ports: [{port: 80}]
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
`),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'every wrong value is reported, not only the first one the API server would stop at',
      code: service(`  ports:
  - port: ⟦"80"⟧
    nodePort: ⟦"30080"⟧
  - port: ⟦"443"⟧
`),
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n' +
            '`port` must be a number, but `"80"` is in quotes, which makes it a string: remove the quotes.',
          data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'string', number: 80 },
          fixes: [
            {
              title: 'Remove the quotes (80 is a number)',
              output: service(`  ports:
  - port: 80
    nodePort: "30080"
  - port: "443"
`),
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.nodePort of type int32\n' +
            '`nodePort` must be a number, but `"30080"` is in quotes, which makes it a string: remove the quotes.',
          data: { path: 'spec.ports[0].nodePort', expected: 'integer', actual: 'string', number: 30080 },
          fixes: [
            {
              title: 'Remove the quotes (30080 is a number)',
              output: service(`  ports:
  - port: "80"
    nodePort: 30080
  - port: "443"
`),
              safe: true,
              preferred: true,
            },
          ],
        },
        {
          message:
            'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n' +
            '`port` must be a number, but `"443"` is in quotes, which makes it a string: remove the quotes.',
          data: { path: 'spec.ports[1].port', expected: 'integer', actual: 'string', number: 443 },
          fixes: [
            {
              title: 'Remove the quotes (443 is a number)',
              output: service(`  ports:
  - port: "80"
    nodePort: "30080"
  - port: 443
`),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'quoted numbers become numbers (safe); a quoted targetPort too',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: ⟦"80"⟧
`,
      errors: [
        {
          message:
            'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n' +
            '`port` must be a number, but `"80"` is in quotes, which makes it a string: remove the quotes.',
          data: { path: 'spec.ports[0].port', expected: 'integer', actual: 'string', number: 80 },
          fixes: [
            {
              title: 'Remove the quotes (80 is a number)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
