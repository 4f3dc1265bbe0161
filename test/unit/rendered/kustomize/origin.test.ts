import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpretRecorded, originAt } from './recorded';

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  selector:
    app: web
  ports:
    - name: metrics
      port: 9100
    - name: http
      port: 80
      targetPort: 8080
`;

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

test('a strategic-merge patch is matched to the port by its merge key, not by its position', async () => {
  const files = {
    'base/kustomization.yaml': 'resources:\n  - service.yaml\n',
    'base/service.yaml': service,
    'prod/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: np.yaml\n',
    'prod/np.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n',
  };
  // Recorded from kubectl kustomize prod (v5.7.1).
  const stdout = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  ports:
  - name: metrics
    port: 9100
  - name: http
    nodePort: 30080
    port: 80
    targetPort: 8080
  selector:
    app: web
  type: NodePort
`;
  const rendered = interpretRecorded('prod', files, stdout);
  assert.equal(await originAt(rendered, files, '30080'), 'prod/np.yaml:9: 30080');
  assert.equal(await originAt(rendered, files, 'NodePort'), 'prod/np.yaml:6: NodePort');
  // Port 80 is the second port of the output and the first of the patch; the base has it second too.
  assert.equal(await originAt(rendered, files, '8080'), 'base/service.yaml:14: 8080');
  assert.equal(await originAt(rendered, files, '9100'), 'base/service.yaml:11: 9100');
  assert.equal(await originAt(rendered, files, 'kind'), 'base/service.yaml:2: kind');
});

test('the last writer whose value is rendered wins: a later patch, a namespace over the base’s own', async () => {
  const files = {
    'app/kustomization.yaml': [
      'namespace: shop',
      'resources:',
      '  - service.yaml',
      'patchesStrategicMerge:',
      '  - first.yaml',
      'patches:',
      '  - path: second.yaml',
      '',
    ].join('\n'),
    'app/service.yaml': service,
    'app/first.yaml':
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffinity: ClientIP\n  ports:\n    - port: 80\n      targetPort: 8081\n',
    'app/second.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8082\n',
  };
  const stdout = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  ports:
  - name: metrics
    port: 9100
  - name: http
    port: 80
    targetPort: 8082
  selector:
    app: web
  sessionAffinity: ClientIP
`;
  const rendered = interpretRecorded('app', files, stdout);
  assert.equal(await originAt(rendered, files, '8082'), 'app/second.yaml:8: 8082');
  assert.equal(await originAt(rendered, files, 'ClientIP'), 'app/first.yaml:6: ClientIP');
  assert.equal(await originAt(rendered, files, 'shop'), 'app/kustomization.yaml:1: shop');
});

test('a patch in an overlay finds its target by the name the base’s prefix gave it; replicas and images trace to their entries', async () => {
  const files = {
    'base/kustomization.yaml': 'namePrefix: team-\nresources:\n  - deployment.yaml\n',
    'base/deployment.yaml': deployment,
    'prod/kustomization.yaml': [
      'resources:',
      '  - ../base',
      'patchesJson6902:',
      '  - target:',
      '      group: apps',
      '      version: v1',
      '      kind: Deployment',
      '      name: team-web',
      '    path: ops.yaml',
      'replicas:',
      '  - name: team-web',
      '    count: 5',
      'images:',
      '  - name: nginx',
      '    newTag: 1.28.1',
      '',
    ].join('\n'),
    'prod/ops.yaml': '- op: add\n  path: /spec/template/spec/containers/0/ports\n  value:\n    - containerPort: 8080\n      name: http\n',
  };
  const stdout = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: team-web
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.28.1
        name: web
        ports:
        - containerPort: 8080
          name: http
`;
  const rendered = interpretRecorded('prod', files, stdout);
  assert.equal(await originAt(rendered, files, '8080'), 'prod/ops.yaml:4: 8080');
  assert.equal(await originAt(rendered, files, '5'), 'prod/kustomization.yaml:12: 5');
  assert.equal(await originAt(rendered, files, 'nginx:1.28.1'), 'prod/kustomization.yaml:15: 1.28.1');
  assert.equal(await originAt(rendered, files, 'team-web'), 'base/kustomization.yaml:1: team-');
  // Kustomize selects a target by its original name too (resWrangler.Select).
  const original = { ...files, 'prod/kustomization.yaml': files['prod/kustomization.yaml'].replace('name: team-web\n    path', 'name: web\n    path') };
  assert.equal(await originAt(interpretRecorded('prod', original, stdout), original, '8080'), 'prod/ops.yaml:4: 8080');
  // A patch that targets another object is not blamed: the nearest field the base wrote is, the container entry.
  const other = { ...files, 'prod/kustomization.yaml': files['prod/kustomization.yaml'].replace('name: team-web\n    path', 'name: api\n    path') };
  assert.equal(await originAt(interpretRecorded('prod', other, stdout), other, '8080'), 'base/deployment.yaml:16: name');
});

test('a component’s patch applies to the resources of the kustomization that includes it', async () => {
  const files = {
    'app/kustomization.yaml': 'resources:\n  - service.yaml\ncomponents:\n  - ../lb\n',
    'app/service.yaml': service,
    'lb/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: Service\n      metadata:\n        name: web\n      spec:\n        type: LoadBalancer\n',
  };
  const stdout = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  ports:
  - name: metrics
    port: 9100
  - name: http
    port: 80
    targetPort: 8080
  selector:
    app: web
  type: LoadBalancer
`;
  const rendered = interpretRecorded('app', files, stdout);
  assert.equal(await originAt(rendered, files, 'LoadBalancer'), 'lb/kustomization.yaml:10: LoadBalancer');
});

test('labels without includeSelectors write metadata only: a selector label of the same name is the base’s', async () => {
  const files = {
    'app/kustomization.yaml': 'resources:\n  - service.yaml\nlabels:\n  - pairs:\n      app: web\n',
    'app/service.yaml': service,
  };
  const stdout = `apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
  namespace: default
spec:
  ports:
  - name: metrics
    port: 9100
  - name: http
    port: 80
    targetPort: 8080
  selector:
    app: web
`;
  const rendered = interpretRecorded('app', files, stdout);
  assert.equal(await originAt(rendered, files, 'web', 'labels:'), 'app/kustomization.yaml:5: web');
  assert.equal(await originAt(rendered, files, 'web', 'selector:'), 'app/service.yaml:8: web');
});

test('an object the build did not take from any file has no origin', async () => {
  const files = { 'app/kustomization.yaml': 'resources:\n  - service.yaml\n', 'app/service.yaml': service };
  const stdout = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: generated\nspec:\n  ports:\n  - port: 80\n';
  const rendered = interpretRecorded('app', files, stdout);
  assert.equal(await originAt(rendered, files, '80'), undefined);
});

test('an inline patch that is not a literal block cannot be placed line by line: its `patch` key is named instead', async () => {
  const files = {
    'app/kustomization.yaml':
      'resources:\n  - service.yaml\npatches:\n  - patch: "{kind: Service, apiVersion: v1, metadata: {name: web}, spec: {type: NodePort}}"\n',
    'app/service.yaml': service,
  };
  const stdout = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  ports:
  - name: metrics
    port: 9100
  - name: http
    port: 80
    targetPort: 8080
  selector:
    app: web
  type: NodePort
`;
  const rendered = interpretRecorded('app', files, stdout);
  assert.equal(await originAt(rendered, files, 'NodePort'), 'app/kustomization.yaml:4: patch');
});

test('a patch whose target this reader cannot judge is named only when its value is the one rendered', async () => {
  const files = {
    'app/kustomization.yaml': [
      'resources:',
      '  - service.yaml',
      'patches:',
      '  - target:',
      '      kind: Service',
      '      labelSelector: tier in (db)',
      '    patch: |-',
      '      - op: replace',
      '        path: /spec/ports/1/targetPort',
      '        value: 9999',
      '',
    ].join('\n'),
    'app/service.yaml': service,
  };
  // The Service has no `tier` label, so kustomize left it alone.
  const stdout = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  ports:
  - name: metrics
    port: 9100
  - name: http
    port: 80
    targetPort: 8080
  selector:
    app: web
`;
  const rendered = interpretRecorded('app', files, stdout);
  assert.equal(await originAt(rendered, files, '8080'), 'app/service.yaml:14: 8080');
  const applied = stdout.replace('targetPort: 8080', 'targetPort: 9999');
  assert.equal(await originAt(interpretRecorded('app', files, applied), files, '9999'), 'app/kustomization.yaml:10: 9999');
});
