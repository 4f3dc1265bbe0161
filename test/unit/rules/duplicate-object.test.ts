import { ruleTester } from '../../kit/ruleTester';
import { duplicateObject } from '../../../server/src/rules/duplicate-object';

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${extra}spec:
  replicas: 2
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: app}]
`;

const kustomization = (body: string) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
${body}`;

const MESSAGE_END =
  'To the cluster both are one object: applied together, the last one applied (this definition) replaces the other, so only one of them is drawn and counted. ' +
  'Keep one definition, or give them different names or namespaces.';

ruleTester.run(duplicateObject, {
  valid: [
    { name: 'alone → no finding', code: deployment('web'), uri: 'file:///w/web.yaml' },
    {
      name: 'same name in another namespace is another object → no finding',
      code: deployment('web'),
      uri: 'file:///w/web.yaml',
      files: { 'file:///w/old/web.yaml': deployment('web', '  namespace: prod\n') },
    },
    {
      name: 'same name, another kind → no finding',
      code: deployment('web'),
      uri: 'file:///w/web.yaml',
      files: { 'file:///w/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n' },
    },
    {
      name: 'a Kustomize base and an overlay are separate builds → no finding',
      code: deployment('web'),
      uri: 'file:///w/overlays/prod/web.yaml',
      files: {
        'file:///w/overlays/prod/kustomization.yaml': kustomization('resources: [web.yaml]\n'),
        'file:///w/base/kustomization.yaml': kustomization('resources: [web.yaml]\n'),
        'file:///w/base/web.yaml': deployment('web'),
      },
    },
    {
      name: 'an overlay patch is part of the object, not a second definition → no finding',
      code: deployment('web'),
      uri: 'file:///w/app/web.yaml',
      files: {
        'file:///w/app/kustomization.yaml': kustomization('resources: [web.yaml]\npatches:\n  - path: patches/replicas.yaml\n'),
        'file:///w/app/patches/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 5}\n',
      },
    },
    {
      name: 'a Helm template is not judged, nor counted as a definition → no finding',
      code: deployment('web'),
      uri: 'file:///w/web.yaml',
      files: { 'file:///chart/templates/web.yaml': deployment('web', '  labels: {chart: "{{ .Chart.Name }}"}\n') },
    },
    {
      name: 'the same name in two sibling example folders: two applications, applied one at a time → no finding',
      code: deployment('web'),
      uri: 'file:///w/examples/a/web.yaml',
      files: { 'file:///w/examples/b/web.yaml': deployment('web') },
    },
    {
      name: 'objects without a name → no finding',
      code: 'apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n',
      uri: 'file:///w/cm.yaml',
      files: { 'file:///w/old/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n' },
    },
  ],
  invalid: [
    {
      name: 'the same Deployment in another folder: named by its path in the workspace folder → information',
      code: deployment('⟦web⟧'),
      uri: 'file:///w/web.yaml',
      files: { 'file:///w/old/web.yaml': deployment('web') },
      errors: [
        {
          message: `Deployment \`web\` is also defined at old/web.yaml:2. ${MESSAGE_END}`,
          data: { appliedLast: true, others: [{ uri: 'file:///w/old/web.yaml', line: 2 }] },
          related: [{ uri: 'file:///w/old/web.yaml', start: 26, end: 36, message: 'Deployment `web` is also defined here' }],
        },
      ],
    },
    {
      name: 'the copy applied last is the one the cluster keeps',
      code: deployment('⟦web⟧', '  namespace: default\n'),
      uri: 'file:///w/web.yaml',
      files: { 'file:///w/z/web.yaml': deployment('web') },
      errors: [
        {
          message:
            'Deployment `default/web` is also defined at z/web.yaml:2. To the cluster both are one object: applied together, the last one applied (the other one) replaces the other, ' +
            'so only one of them is drawn and counted. Keep one definition, or give them different names or namespaces.',
          data: { appliedLast: false, others: [{ uri: 'file:///w/z/web.yaml', line: 2 }] },
          related: [{ uri: 'file:///w/z/web.yaml', start: 26, end: 36, message: 'Deployment `default/web` is also defined here' }],
        },
      ],
    },
    {
      name: 'twice in one file: each names the other',
      code: `${deployment('⟦web⟧')}---\n${deployment('⟦web⟧')}`,
      uri: 'file:///w/web.yaml',
      errors: [
        {
          message: `Deployment \`web\` is also defined at line 14 of this file. ${MESSAGE_END.replace('(this definition)', '(the other one)')}`,
          data: { appliedLast: false, others: [{ uri: 'file:///w/web.yaml', line: 14 }] },
          related: [{ uri: 'file:///w/web.yaml', start: 202, end: 212, message: 'Deployment `web` is also defined here' }],
        },
        {
          message: `Deployment \`web\` is also defined at line 2 of this file. ${MESSAGE_END}`,
          data: { appliedLast: true, others: [{ uri: 'file:///w/web.yaml', line: 2 }] },
          related: [{ uri: 'file:///w/web.yaml', start: 26, end: 36, message: 'Deployment `web` is also defined here' }],
        },
      ],
    },
  ],
});
