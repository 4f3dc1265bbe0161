import { ruleTester } from '../../kit/ruleTester';
import { misindentedField } from '../../../server/src/rules/misindented-field';

// Port fields written at the wrong level: where each belongs, and which moves are offered (misindented-field.test.ts
// has the selector, label, metadata and annotation cases).
ruleTester.run(misindentedField, {
  valid: [],
  invalid: [
    {
      name: 'a port field at spec level belongs to the port entry just above it',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
  - name: metrics
    port: 9090
  ⟦targetPort⟧: 9091
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.targetPort"\n' +
            '`targetPort` is a port field written at `spec` level; it belongs inside the `- port: 9090` entry of `ports:`.',
          data: {
            path: 'spec.targetPort',
            key: 'targetPort',
            value: '9091',
            from: 'spec',
            moveTo: 'spec.ports[1]',
            portIndex: 1,
          },
          fixes: [
            {
              title: 'Move targetPort into the port entry ports[1]',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
  - name: metrics
    port: 9090
    targetPort: 9091
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a port field with no ports list at all',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ⟦port⟧: 80
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.port"\n' +
            '`port` is a port field written at `spec` level; it belongs inside an entry of a `ports:` list.',
          data: { path: 'spec.port', key: 'port', value: '80', from: 'spec', moveTo: 'spec.ports' },
        },
      ],
    },
    {
      name: '`ports:` outside `spec:`',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
⟦ports⟧:
- port: 80
`,
      errors: [
        {
          message: 'strict decoding error: unknown field "ports"\n' + '`ports` is at the top level of the Service; it belongs under `spec:`.',
          data: { path: 'ports', key: 'ports', from: '', moveTo: 'spec' },
          fixes: [
            {
              title: 'Move ports under spec:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: '`type:` indented into a port entry',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    ⟦type⟧: NodePort
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.ports[0].type"\n' +
            '`type` is inside the port entry `spec.ports[0]`; it belongs at `spec` level, lined up with `ports:`.',
          data: {
            path: 'spec.ports[0].type',
            key: 'type',
            value: 'NodePort',
            from: 'spec.ports[0]',
            moveTo: 'spec',
          },
          fixes: [
            {
              title: 'Move type under spec:',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: '`name` at spec level goes to metadata alone, to the port when other port fields sit beside it',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ⟦name⟧: web
  selector: {app: web}
  ports: [{port: 80}]
`,
      errors: [
        {
          message: 'strict decoding error: unknown field "spec.name"\n' + '`name` is at `spec` level; it belongs under `metadata:`.',
          data: { path: 'spec.name', key: 'name', value: 'web', from: 'spec', moveTo: 'metadata' },
        },
      ],
    },
    {
      name: '`name` at spec level goes to metadata alone, to the port when other port fields sit beside it (2)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
  ⟦name⟧: http
  ⟦targetPort⟧: 8080
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.name"\n' +
            '`name` is a port field written at `spec` level; it belongs inside the `- port: 80` entry of `ports:`.',
          data: {
            path: 'spec.name',
            key: 'name',
            value: 'http',
            from: 'spec',
            moveTo: 'spec.ports[0]',
            portIndex: 0,
          },
          fixes: [
            {
              title: 'Move name, targetPort into the port entry ports[0]',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    name: http
    targetPort: 8080
`,
              preferred: true,
            },
            {
              title: 'Move name into the port entry ports[0]',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    name: http
  targetPort: 8080
`,
            },
          ],
        },
        {
          message:
            'strict decoding error: unknown field "spec.targetPort"\n' +
            '`targetPort` is a port field written at `spec` level; it belongs inside the `- port: 80` entry of `ports:`.',
          data: {
            path: 'spec.targetPort',
            key: 'targetPort',
            value: '8080',
            from: 'spec',
            moveTo: 'spec.ports[0]',
            portIndex: 0,
          },
          fixes: [
            {
              title: 'Move name, targetPort into the port entry ports[0]',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    name: http
    targetPort: 8080
`,
              preferred: true,
            },
            {
              title: 'Move targetPort into the port entry ports[0]',
              output: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 8080
  name: http
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no move is offered into a port entry that already has the key',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 8080
  ⟦targetPort⟧: 9090
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.targetPort"\n' +
            '`targetPort` is a port field written at `spec` level; it belongs inside an entry of `ports:`.',
          data: { path: 'spec.targetPort', key: 'targetPort', value: '9090', from: 'spec', moveTo: 'spec.ports' },
        },
      ],
    },
  ],
});
