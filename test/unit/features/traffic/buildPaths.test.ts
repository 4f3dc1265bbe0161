import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment } from '../../../kit/manifests';
import { lineOf } from '../../../kit/markers';
import { build, URI } from '../../../kit/traffic';

const service = (spec: string, name = 'web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec.endsWith('\n') ? spec : `${spec}\n`}`;

const WEB = deployment({ name: 'web', labels: { app: 'web' }, matchLabels: true, replicas: 3, ports: [{ name: 'http', containerPort: 8080 }] });

test('a NodePort Service: lanes with effective defaults, the selected workload and its resolved named port', () => {
  const text = `${service(`  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
    - name: admin
      port: 9000
      protocol: UDP`)}---
${WEB}`;
  const { path, scope } = build(text);
  assert.equal(scope, 'document');
  assert.equal(path.type, 'NodePort');
  assert.equal(path.externalTrafficPolicy, 'Cluster');
  assert.equal(path.internalTrafficPolicy, 'Cluster');
  assert.deepEqual(
    path.lanes.map((l) => [l.name, l.port, l.protocol, l.targetPort, l.nodePort, l.hasNodePort]),
    [
      ['http', 80, 'TCP', 'http', 30080, true],
      ['admin', 9000, 'UDP', 9000, undefined, true],
    ],
  );
  assert.deepEqual(
    path.workloads.map((w) => [w.kind, w.name, w.replicas]),
    [['Deployment', 'web', 3]],
  );
  assert.deepEqual(path.lanes[0].targets, [{ workload: 0, containerPort: 8080, container: 'app' }]);
  assert.equal(path.workloads[0].source.range.start.line, lineOf(text, 'name: web\nspec:\n  replicas'));
  assert.equal(path.source.uri, URI);
  assert.equal(path.nodePortRange, '30000-32767');
});

test('a named targetPort that the pods do not declare (or declare for another protocol) resolves to nothing', () => {
  const text = `${service(`  selector:
    app: web
  ports:
    - port: 53
      protocol: UDP
      targetPort: http`)}---
${WEB}`;
  assert.deepEqual(build(text).path.lanes[0].targets, [{ workload: 0 }]);
});

test('LoadBalancer facts: status, requested IP, source ranges from the field or the annotation, class, node ports', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: edge
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 192.168.0.0/16"
spec:
  type: LoadBalancer
  loadBalancerClass: example.com/lb
  loadBalancerIP: 198.51.100.7
  allocateLoadBalancerNodePorts: false
  externalTrafficPolicy: Local
  healthCheckNodePort: 32000
  ports:
    - port: 443
    - port: 80
      nodePort: 30080
status:
  loadBalancer:
    ingress:
      - ip: 203.0.113.10
`;
  const { path } = build(text, { settings: { clusterProfile: 'bare-metal' } });
  assert.deepEqual(path.loadBalancer, {
    ingress: ['203.0.113.10'],
    requestedIP: '198.51.100.7',
    sourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
    sourceRangesFrom: 'annotation',
    loadBalancerClass: 'example.com/lb',
    allocateNodePorts: false,
    clusterProfile: 'bare-metal',
  });
  assert.equal(path.healthCheckNodePort, 32000);
  // allocateLoadBalancerNodePorts: false still allocates a node port that is asked for explicitly.
  assert.deepEqual(
    path.lanes.map((l) => l.hasNodePort),
    [false, true],
  );

  const withField = build(text.replace('  loadBalancerClass', '  loadBalancerSourceRanges: [" 1.2.3.0/24 "]\n  loadBalancerClass')).path;
  assert.deepEqual([withField.loadBalancer?.sourceRanges, withField.loadBalancer?.sourceRangesFrom], [['1.2.3.0/24'], 'field']);
});

test('health-check node port only for LoadBalancer + Local; affinity timeout defaults to 10800 s', () => {
  const lb = build(service('  type: LoadBalancer\n  externalTrafficPolicy: Local\n  sessionAffinity: ClientIP\n  ports:\n    - port: 80\n')).path;
  assert.equal(lb.healthCheckNodePort, 'allocated');
  assert.deepEqual(lb.sessionAffinity, { timeoutSeconds: 10800 });
  const np = build(service('  type: NodePort\n  externalTrafficPolicy: Local\n  ports:\n    - port: 80\n')).path;
  assert.equal(np.healthCheckNodePort, undefined);
  assert.equal(np.externalTrafficPolicy, 'Local');
  const custom = build(
    service('  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 60\n  ports:\n    - port: 80\n'),
  ).path;
  assert.deepEqual(custom.sessionAffinity, { timeoutSeconds: 60 });
});

test('ClusterIP: no external policy unless externalIPs make it externally reachable; headless drops affinity', () => {
  assert.equal(build(service('  ports:\n    - port: 80\n')).path.externalTrafficPolicy, undefined);
  const withIPs = build(service('  externalIPs: [198.51.100.1]\n  ports:\n    - port: 80\n')).path;
  assert.deepEqual([withIPs.externalIPs, withIPs.externalTrafficPolicy], [['198.51.100.1'], 'Cluster']);
  const headless = build(service('  clusterIP: None\n  sessionAffinity: ClientIP\n  ports:\n    - port: 80\n')).path;
  assert.deepEqual([headless.headless, headless.clusterIP, headless.sessionAffinity], [true, undefined, undefined]);
  const fixed = build(service('  clusterIP: 10.96.0.10\n  ports:\n    - port: 53\n')).path;
  assert.equal(fixed.clusterIP, '10.96.0.10');
});

test('ExternalName: no lanes to pods, no workloads even with a selector, no internal traffic policy', () => {
  const { path } = build(`${service('  type: ExternalName\n  externalName: db.example.com\n  selector:\n    app: web\n')}---\n${WEB}`);
  assert.deepEqual([path.type, path.externalName, path.workloads.length, path.internalTrafficPolicy], ['ExternalName', 'db.example.com', 0, undefined]);
});

test('workloads come from the whole workspace, in the Service namespace only', () => {
  const text = service('  selector:\n    app: web\n  ports:\n    - port: 80\n');
  const others = {
    'file:///workspace/deploy.yaml': WEB,
    'file:///workspace/other-ns.yaml': deployment({
      name: 'web',
      namespace: 'prod',
      labels: { app: 'web' },
      matchLabels: true,
      replicas: 1,
      ports: [{ containerPort: 80 }],
    }),
  };
  const { path } = build(text, { others });
  assert.deepEqual(
    path.workloads.map((w) => [w.name, w.source.uri]),
    [['web', 'file:///workspace/deploy.yaml']],
  );
});

test('upstream Ingress and Gateway routes, matched to the lane by port number or name', () => {
  const text = `${service('  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service: { name: web, port: { name: http } }
          - path: /old
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 8080 } }
          - path: /other
            pathType: Prefix
            backend:
              service: { name: other, port: { number: 80 } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route
spec:
  hostnames: [shop.example.com]
  rules:
    - backendRefs:
        - name: web
          port: 80
        - name: web
          kind: ConfigMap
          port: 80
        - name: web
          namespace: elsewhere
          port: 80
`;
  const { path } = build(text);
  assert.deepEqual(
    path.upstream.map((u) => [u.kind, u.name, u.port, u.laneIndex, u.detail]),
    [
      ['Ingress', 'site', 80, 0, ['default backend']],
      ['Ingress', 'site', 'http', 0, ['shop.example.com/api']],
      ['Ingress', 'site', 8080, undefined, ['shop.example.com/old']],
      ['HTTPRoute', 'route', 80, 0, ['shop.example.com']],
    ],
  );
});

test('the cursor picks the Service under it, or the only Service of its --- document; elsewhere every Service', () => {
  const two = `${service('  ports:\n    - port: 80\n', 'first')}---\n# comment|\n${service('  ports:\n    - port: 81\n', 'second')}---\n${WEB}`;
  assert.deepEqual(names(build(two, { cursor: true })), ['service', 'second']);
  assert.deepEqual(names(build(two.replace('|', '').replace('port: 80', 'port: 8|0'), { cursor: true })), ['service', 'first']);
  assert.deepEqual(names(build(two.replace('|', '').replace('replicas: 3', 'replicas: |3'), { cursor: true })), ['document', 'first', 'second']);
  assert.deepEqual(names(build(two.replace('|', ''))), ['document', 'first', 'second']);
});

test('findings of the file land on the node whose YAML they are reported on', () => {
  const text = `${service('  type: NodePort\n  selector:\n    app: nothing\n  ports:\n    - name: http\n      port: 80\n      nodePort: 80\n')}`;
  const { path } = build(text);
  const byRule = Object.fromEntries(path.diagnostics.map((d) => [d.ruleId, [d.target, d.laneIndex]]));
  assert.deepEqual(byRule['nodeport-out-of-range'], ['nodePort', 0]);
  const onNodePort = path.diagnostics.find((d) => d.ruleId === 'nodeport-out-of-range');
  assert.equal(onNodePort?.severity, 'error');
  assert.match(onNodePort?.message ?? '', /^spec\.ports\[0\]\.nodePort: Invalid value: 80: provided port is not in the valid range/);
  assert.doesNotMatch(onNodePort?.message ?? '', /\n/);
  assert.equal(onNodePort?.source.range.start.line, lineOf(text, 'nodePort: 80'));
});

function names(built: ReturnType<typeof build>): string[] {
  return [built.scope, ...built.paths.map((p) => p.name ?? '?')];
}

test('one object written twice is drawn once: the Service of the file, and the workload it selects', () => {
  const web = service(`  selector:
    app: web
  ports:
    - port: 80
      targetPort: http`);
  const { paths } = build(`${web}---\n${web}`, { others: { 'deploy.yaml': WEB, 'old/deploy.yaml': WEB } });
  assert.equal(paths.length, 1, 'the same Service twice in one file is one Service');
  assert.deepEqual(
    paths[0].workloads.map((w) => [w.name, w.replicas, w.source.uri]),
    [['web', 3, 'file:///workspace/old/deploy.yaml']],
  );
});

test('a key written twice: the graph shows what kubectl keeps, the last type and the last selector', () => {
  const text = `${service(`  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
  selector:
    app: nothing
  type: ClusterIP`)}---
${WEB}`;
  const { path } = build(text);
  assert.equal(path.type, 'ClusterIP');
  assert.deepEqual(path.workloads, []);
  assert.ok(path.diagnostics.some((d) => d.ruleId === 'selector-matches-nothing'));
});
