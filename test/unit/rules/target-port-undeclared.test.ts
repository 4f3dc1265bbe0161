import { ruleTester } from '../../kit/ruleTester';
import { targetPortUndeclared } from '../../../server/src/rules/target-port-undeclared';

const service = (portLines: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - name: http
${portLines}`;

const pod = (ports: string, init = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
${init}  containers:
    - name: app
      ports: ${ports}
`;

ruleTester.run(targetPortUndeclared, {
  valid: [
    {
      name: 'declared number → no finding',
      code: service('      port: 80\n      targetPort: 8080\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 8080}]') },
    },
    {
      name: 'pods declare no ports at all: nothing to compare → no finding',
      code: service('      port: 80\n      targetPort: 8081\n'),
      files: { 'file:///w/pod.yaml': pod('[]') },
    },
    {
      name: 'targetPort omitted defaults to port → no finding',
      code: service('      port: 8080\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 8080}]') },
    },
    {
      name: 'targetPort: 0 defaults to port → no finding',
      code: service('      port: 8080\n      targetPort: 0\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 8080}]') },
    },
    {
      name: 'declared by a sidecar → no finding',
      code: service('      port: 80\n      targetPort: 15001\n'),
      files: {
        'file:///w/pod.yaml': pod(
          '[{containerPort: 8080}]',
          `  initContainers:
    - name: proxy
      restartPolicy: Always
      ports: [{containerPort: 15001}]
`,
        ),
      },
    },
    {
      name: 'same number, other protocol is protocol-mismatch → no finding',
      code: service('      port: 53\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 53, protocol: UDP}]') },
    },
    {
      name: 'named targetPort is another rule → no finding',
      code: service('      port: 80\n      targetPort: web\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 8080}]') },
    },
  ],
  invalid: [
    {
      name: 'undeclared number while others are declared → information',
      code: service('      port: 80\n      targetPort: ⟦8081⟧\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 8080}]') },
      errors: [
        {
          message:
            'Service `web` port 80 sends traffic to port 8081 of the pods, but Pod `web` (pod.yaml:2) declares only 8080.\n' +
            'Undeclared ports still work (containerPort is informational), but check that the app really listens on 8081.',
          data: {
            portIndex: 0,
            targetPort: 8081,
            missingIn: [
              {
                kind: 'Pod',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/pod.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
              },
            ],
            declared: [{ name: undefined, containerPort: 8080, protocol: 'TCP', workload: 'web' }],
          },
          related: [{ uri: 'file:///w/pod.yaml', start: 21, end: 24, message: 'Pod web does not declare 8081' }],
          fixes: [{ title: 'Change targetPort to 8080', output: service('      port: 80\n      targetPort: 8080\n'), preferred: true }],
        },
      ],
    },
    {
      name: 'targetPort omitted, port undeclared → information',
      code: service('      port: ⟦80⟧\n'),
      files: { 'file:///w/pod.yaml': pod('[{containerPort: 8080}]') },
      errors: [
        {
          message:
            'Service `web` port 80 sends traffic to port 80 of the pods (targetPort defaults to port), but Pod `web` (pod.yaml:2) declares only 8080.\n' +
            'Undeclared ports still work (containerPort is informational), but check that the app really listens on 80.',
          data: {
            portIndex: 0,
            targetPort: 80,
            missingIn: [
              {
                kind: 'Pod',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/pod.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
              },
            ],
            declared: [{ name: undefined, containerPort: 8080, protocol: 'TCP', workload: 'web' }],
          },
          related: [{ uri: 'file:///w/pod.yaml', start: 21, end: 24, message: 'Pod web does not declare 80' }],
          fixes: [{ title: 'Change targetPort to 8080', output: service('      port: 80\n      targetPort: 8080\n'), preferred: true }],
        },
      ],
    },
    {
      name: 'says that undeclared ports still work, on the targetPort value, with the declared ports as data',
      code: service('      port: 80\n      targetPort: ⟦8081⟧\n'),
      files: { 'file:///w/pod.yaml': pod('[{name: http, containerPort: 8080}]') },
      errors: [
        {
          message:
            'Service `web` port 80 sends traffic to port 8081 of the pods, but Pod `web` (pod.yaml:2) declares only 8080 `http`.\n' +
            'Undeclared ports still work (containerPort is informational), but check that the app really listens on 8081.',
          data: {
            portIndex: 0,
            targetPort: 8081,
            missingIn: [
              {
                kind: 'Pod',
                name: 'web',
                namespace: 'default',
                uri: 'file:///w/pod.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
              },
            ],
            declared: [{ name: 'http', containerPort: 8080, protocol: 'TCP', workload: 'web' }],
          },
          related: [{ uri: 'file:///w/pod.yaml', start: 21, end: 24, message: 'Pod web does not declare 8081' }],
          fixes: [{ title: 'Change targetPort to 8080', output: service('      port: 80\n      targetPort: 8080\n'), preferred: true }],
        },
      ],
    },
  ],
});
