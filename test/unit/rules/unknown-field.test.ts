import { ruleTester } from '../../kit/ruleTester';
import { unknownField } from '../../../server/src/rules/unknown-field';

const service = (spec: string, metadata = '  name: web\n') => `apiVersion: v1\nkind: Service\nmetadata:\n${metadata}spec:\n${spec}`;

ruleTester.run(unknownField, {
  valid: [
    {
      name: 'no finding: a valid Service',
      code: service(`  selector:
    app: web
  ports:
  - port: 80
  type: NodePort
  externalTrafficPolicy: Local
`),
    },
    {
      name: 'no finding: a misplaced key goes to misindented-field, never to both rules',
      code: service(`  selector:
  app: web
  ports:
  - port: 80
`),
    },
    {
      name: 'no finding: other kinds: no schema here, so no judgement',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replica: 3
`,
    },
    {
      name: 'no finding: a Knative Service is not a core Service',
      code: `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: k}
spec:
  template: {}
`,
    },
    { name: 'no finding: a strategic merge patch', code: service('  $patch: delete\n') },
    {
      name: 'no finding: a Helm template is not checked at all',
      code: service(`  {{- if .Values.x }}
  bogus: 1
  {{- end }}
  selector:
    app: web
  ports:
  - port: 80
`),
    },
    {
      name: 'no finding: a YAML merge key',
      code: service(
        `  selector:
    app: web
  ports:
  - port: 80
`,
        '  <<: {name: web}\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a misspelt spec field, with the nearest valid name',
      code: service(`  ⟦selecter⟧:
    app: web
  ports:
  - port: 80
`),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.selecter"\n' +
            '`spec` has no field `selecter`, so kubectl apply rejects the whole Service; did you mean `selector`?',
          data: { path: 'spec.selecter', key: 'selecter', suggestion: 'selector' },
          fixes: [
            {
              title: 'Rename to selector',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
`),
              preferred: true,
            },
            { title: 'Remove selecter', output: service('  ports:\n  - port: 80\n') },
          ],
        },
      ],
    },
    {
      name: 'wrong capitalisation inside a port (field names are case-sensitive), with the list index in the path',
      code: service(`  selector:
    app: web
  ports:
  - port: 80
  - port: 443
    ⟦targetport⟧: 8443
`),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.ports[1].targetport"\n' +
            '`spec.ports[1]` has no field `targetport`, so kubectl apply rejects the whole Service; did you mean `targetPort`?',
          data: { path: 'spec.ports[1].targetport', key: 'targetport', suggestion: 'targetPort' },
          fixes: [
            {
              title: 'Rename to targetPort',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
  - port: 443
    targetPort: 8443
`),
              safe: true,
              preferred: true,
            },
            {
              title: 'Remove targetport',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
  - port: 443
`),
            },
          ],
        },
      ],
    },
    {
      name: 'a field removed from the API (topologyKeys) says so',
      code: service(`  selector:
    app: web
  ports:
  - port: 80
  ⟦topologyKeys⟧: ["*"]
`),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.topologyKeys"\n' +
            '`spec` has no field `topologyKeys` (it was removed in Kubernetes 1.22), so kubectl apply rejects the whole Service; remove it.',
          data: { path: 'spec.topologyKeys', key: 'topologyKeys', removedIn: 'Kubernetes 1.22' },
          fixes: [
            {
              title: 'Remove topologyKeys (removed from the Kubernetes API in Kubernetes 1.22)',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
`),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a key nothing resembles gets no suggestion',
      code: service(`  selector:
    app: web
  ports:
  - port: 80
  ⟦healthCheck⟧: [/healthz]
`),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.healthCheck"\n' +
            '`spec` has no field `healthCheck`, so kubectl apply rejects the whole Service; remove it, or fix its spelling or indentation.',
          data: { path: 'spec.healthCheck', key: 'healthCheck' },
          fixes: [
            {
              title: 'Remove healthCheck',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
`),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'metadata.clusterName, a tombstone since 1.25',
      code: service(
        `  selector:
    app: web
  ports:
  - port: 80
`,
        '  name: web\n  ⟦clusterName⟧: prod\n',
      ),
      errors: [
        {
          message:
            'strict decoding error: unknown field "metadata.clusterName"\n' +
            '`metadata` has no field `clusterName` (it was removed in Kubernetes 1.25), so kubectl apply rejects the whole Service; remove it.',
          data: { path: 'metadata.clusterName', key: 'clusterName', removedIn: 'Kubernetes 1.25' },
          fixes: [
            {
              title: 'Remove clusterName (removed from the Kubernetes API in Kubernetes 1.25)',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
`),
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a misspelt top-level field',
      code: `apiVersion: v1
kind: Service
⟦metdata⟧:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "metdata"\n' +
            'A Service has no field `metdata`, so kubectl apply rejects the whole Service; did you mean `metadata`?',
          data: { path: 'metdata', key: 'metdata', suggestion: 'metadata' },
          fixes: [
            {
              title: 'Rename to metadata',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
`),
              preferred: true,
            },
            {
              title: 'Remove metdata',
              output: `apiVersion: v1
kind: Service
spec:
  selector:
    app: web
  ports:
  - port: 80
`,
            },
          ],
        },
      ],
    },
    {
      name: 'deep inside sessionAffinityConfig',
      code: service(`  selector:
    app: web
  ports:
  - port: 80
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      ⟦timeoutseconds⟧: 60
`),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.sessionAffinityConfig.clientIP.timeoutseconds"\n' +
            '`spec.sessionAffinityConfig.clientIP` has no field `timeoutseconds`, so kubectl apply rejects the whole Service; did you mean `timeoutSeconds`?',
          data: {
            path: 'spec.sessionAffinityConfig.clientIP.timeoutseconds',
            key: 'timeoutseconds',
            suggestion: 'timeoutSeconds',
          },
          fixes: [
            {
              title: 'Rename to timeoutSeconds',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 60
`),
              safe: true,
              preferred: true,
            },
            {
              title: 'Remove timeoutseconds',
              output: service(`  selector:
    app: web
  ports:
  - port: 80
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
`),
            },
          ],
        },
      ],
    },
    {
      name: 'every unknown field of a manifest is reported at its own key',
      code: service('  ⟦selecter⟧: {}\n  ⟦portz⟧: []\n  ⟦tpye⟧: NodePort\n'),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.selecter"\n' +
            '`spec` has no field `selecter`, so kubectl apply rejects the whole Service; did you mean `selector`?',
          data: { path: 'spec.selecter', key: 'selecter', suggestion: 'selector' },
          fixes: [
            { title: 'Rename to selector', output: service('  selector: {}\n  portz: []\n  tpye: NodePort\n'), preferred: true },
            { title: 'Remove selecter', output: service('  portz: []\n  tpye: NodePort\n') },
          ],
        },
        {
          message:
            'strict decoding error: unknown field "spec.portz"\n' +
            '`spec` has no field `portz`, so kubectl apply rejects the whole Service; did you mean `ports`?',
          data: { path: 'spec.portz', key: 'portz', suggestion: 'ports' },
          fixes: [
            { title: 'Rename to ports', output: service('  selecter: {}\n  ports: []\n  tpye: NodePort\n'), preferred: true },
            { title: 'Remove portz', output: service('  selecter: {}\n  tpye: NodePort\n') },
          ],
        },
        {
          message:
            'strict decoding error: unknown field "spec.tpye"\n' +
            '`spec` has no field `tpye`, so kubectl apply rejects the whole Service; did you mean `type`?',
          data: { path: 'spec.tpye', key: 'tpye', suggestion: 'type' },
          fixes: [
            { title: 'Rename to type', output: service('  selecter: {}\n  portz: []\n  type: NodePort\n'), preferred: true },
            { title: 'Remove tpye', output: service('  selecter: {}\n  portz: []\n') },
          ],
        },
      ],
    },
    {
      name: 'Services inside a v1 List are checked with paths relative to the item, as kubectl sends each item alone',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
  spec:
    ports: [{port: 80, ⟦nodeport⟧: 30080}]
`,
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.ports[0].nodeport"\n' +
            '`spec.ports[0]` has no field `nodeport`, so kubectl apply rejects the whole Service; did you mean `nodePort`?',
          data: { path: 'spec.ports[0].nodeport', key: 'nodeport', suggestion: 'nodePort' },
          fixes: [
            {
              title: 'Rename to nodePort',
              output: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
  spec:
    ports: [{port: 80, nodePort: 30080}]
`,
              safe: true,
              preferred: true,
            },
            {
              title: 'Remove nodeport',
              output: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
  spec:
    ports: [{port: 80}]
`,
            },
          ],
        },
      ],
    },
    {
      name: 'near-miss field names are renamed; case-only renames are safe',
      code: service('  ports:\n    - port: 80\n      ⟦targetport⟧: 8080\n'),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.ports[0].targetport"\n' +
            '`spec.ports[0]` has no field `targetport`, so kubectl apply rejects the whole Service; did you mean `targetPort`?',
          data: { path: 'spec.ports[0].targetport', key: 'targetport', suggestion: 'targetPort' },
          fixes: [
            { title: 'Rename to targetPort', output: service('  ports:\n    - port: 80\n      targetPort: 8080\n'), safe: true, preferred: true },
            { title: 'Remove targetport', output: service('  ports:\n    - port: 80\n') },
          ],
        },
      ],
    },
    {
      name: 'near-miss field names are renamed; case-only renames are safe (2)',
      code: service('  ports:\n    - port: 80\n      ⟦protcol⟧: UDP\n'),
      errors: [
        {
          message:
            'strict decoding error: unknown field "spec.ports[0].protcol"\n' +
            '`spec.ports[0]` has no field `protcol`, so kubectl apply rejects the whole Service; did you mean `protocol`?',
          data: { path: 'spec.ports[0].protcol', key: 'protcol', suggestion: 'protocol' },
          fixes: [
            { title: 'Rename to protocol', output: service('  ports:\n    - port: 80\n      protocol: UDP\n'), preferred: true },
            { title: 'Remove protcol', output: service('  ports:\n    - port: 80\n') },
          ],
        },
      ],
    },
  ],
});
