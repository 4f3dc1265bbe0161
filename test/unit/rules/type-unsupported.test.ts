import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean } from '../../../server/src/kubernetes/schema/nearMiss';
import { ruleTester } from '../../kit/ruleTester';
import { typeUnsupported } from '../../../server/src/rules/type-unsupported';

const svc = (type: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ${type}\n  ports: [{port: 80}]\n`;

const UNSUPPORTED = (value: string) => `spec.type: Unsupported value: "${value}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`;

test('didYouMean refuses ties and far-off words', () => {
  assert.equal(didYouMean('x', ['TCP', 'UDP']), undefined);
  assert.equal(didYouMean('ICMP', ['SCTP', 'TCP', 'UDP']), undefined);
  assert.equal(didYouMean('UCP', ['TCP', 'UDP']), undefined); // one edit from both
});

ruleTester.run(typeUnsupported, {
  valid: [
    { name: 'no finding for type ClusterIP', code: svc('ClusterIP') },
    { name: 'no finding for type NodePort', code: svc('NodePort') },
    { name: 'no finding for type LoadBalancer', code: svc('LoadBalancer') },
    { name: 'no finding for type ExternalName', code: svc('ExternalName') },
    { name: 'no finding for type ""', code: svc('""') },
    { name: 'no finding for type (null)', code: svc('') },
    { name: 'no finding for type 42', code: svc('42') },
  ],
  invalid: [
    {
      name: 'nodeport: did you mean NodePort (on the value, suggestion in data)',
      code: svc('⟦nodeport⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('nodeport')}\nService types are case-sensitive: did you mean NodePort?`,
          data: { value: 'nodeport', suggestion: 'NodePort' },
          fixes: [{ title: 'Change type to NodePort', output: svc('NodePort'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'Headless is not a type',
      code: svc('⟦Headless⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('Headless')}\nThere is no Headless type: a headless Service is type ClusterIP (or no type) with clusterIP: None.`,
          data: { value: 'Headless', suggestion: 'ClusterIP', clusterIP: 'None' },
          fixes: [
            {
              title: 'Make it a headless Service (type: ClusterIP, clusterIP: None)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports: [{port: 80}]
  clusterIP: None
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'something unrelated lists the four types',
      code: svc('⟦Ingress⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('Ingress')}\nUse ClusterIP (reachable inside the cluster), NodePort (also on a port of every node), LoadBalancer (also through an external load balancer) or ExternalName (a DNS alias).`,
          data: { value: 'Ingress' },
        },
      ],
    },
    {
      name: 'Loadbalancer → LoadBalancer',
      code: svc('⟦Loadbalancer⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('Loadbalancer')}\nService types are case-sensitive: did you mean LoadBalancer?`,
          data: { value: 'Loadbalancer', suggestion: 'LoadBalancer' },
          fixes: [{ title: 'Change type to LoadBalancer', output: svc('LoadBalancer'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'load-balancer → LoadBalancer',
      code: svc('⟦load-balancer⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('load-balancer')}\nService types are case-sensitive: did you mean LoadBalancer?`,
          data: { value: 'load-balancer', suggestion: 'LoadBalancer' },
          fixes: [{ title: 'Change type to LoadBalancer', output: svc('LoadBalancer'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'LoadBalencer → LoadBalancer',
      code: svc('⟦LoadBalencer⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('LoadBalencer')}\nService types are case-sensitive: did you mean LoadBalancer?`,
          data: { value: 'LoadBalencer', suggestion: 'LoadBalancer' },
          fixes: [{ title: 'Change type to LoadBalancer', output: svc('LoadBalancer'), preferred: true }],
        },
      ],
    },
    {
      name: 'ClusterIp → ClusterIP',
      code: svc('⟦ClusterIp⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('ClusterIp')}\nService types are case-sensitive: did you mean ClusterIP?`,
          data: { value: 'ClusterIp', suggestion: 'ClusterIP' },
          fixes: [{ title: 'Change type to ClusterIP', output: svc('ClusterIP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'clusterip → ClusterIP',
      code: svc('⟦clusterip⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('clusterip')}\nService types are case-sensitive: did you mean ClusterIP?`,
          data: { value: 'clusterip', suggestion: 'ClusterIP' },
          fixes: [{ title: 'Change type to ClusterIP', output: svc('ClusterIP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'Nodeport → NodePort',
      code: svc('⟦Nodeport⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('Nodeport')}\nService types are case-sensitive: did you mean NodePort?`,
          data: { value: 'Nodeport', suggestion: 'NodePort' },
          fixes: [{ title: 'Change type to NodePort', output: svc('NodePort'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'externalname → ExternalName',
      code: svc('⟦externalname⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('externalname')}\nService types are case-sensitive: did you mean ExternalName?`,
          data: { value: 'externalname', suggestion: 'ExternalName' },
          fixes: [{ title: 'Change type to ExternalName', output: svc('ExternalName'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: '"NodePort " → NodePort',
      code: svc('⟦"NodePort "⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('NodePort ')}\nService types are case-sensitive: did you mean NodePort?`,
          data: { value: 'NodePort ', suggestion: 'NodePort' },
          fixes: [{ title: 'Change type to NodePort', output: svc('"NodePort"'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'mis-cased enum values become the valid value, safely',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ⟦nodeport⟧
  ports:
    - port: 80
`,
      errors: [
        {
          message: `${UNSUPPORTED('nodeport')}\nService types are case-sensitive: did you mean NodePort?`,
          data: { value: 'nodeport', suggestion: 'NodePort' },
          fixes: [
            {
              title: 'Change type to NodePort',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
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
    {
      name: 'mis-cased enum values become the valid value, safely (2)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ⟦Loadbalancer⟧
  ports:
    - port: 80
`,
      errors: [
        {
          message: `${UNSUPPORTED('Loadbalancer')}\nService types are case-sensitive: did you mean LoadBalancer?`,
          data: { value: 'Loadbalancer', suggestion: 'LoadBalancer' },
          fixes: [
            {
              title: 'Change type to LoadBalancer',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
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
