import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment } from '../../../kit/manifests';
import { lineOf } from '../../../kit/markers';
import { build, edgesBetween, labelOf } from '../../../kit/traffic';

const WEB = deployment({ name: 'web', labels: { app: 'web' }, matchLabels: true, replicas: 3, ports: [{ name: 'http', containerPort: 8080 }] });

const svc = (spec: string, extraMeta = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
${extraMeta}spec:
  selector:
    app: web
${spec}---
${deployment({ name: 'web', namespace: 'shop', labels: { app: 'web' }, matchLabels: true, replicas: 3, ports: [{ name: 'http', containerPort: 8080 }] })}`;

test('ClusterIP: in-cluster client → ClusterIP:port → kube-proxy → pods :targetPort → workload', () => {
  const text = svc('  ports:\n    - name: http\n      port: 80\n      targetPort: http\n');
  const { graph } = build(text);
  const m = graph.text;
  assert.match(m, /^flowchart LR\n/);
  assert.equal(labelOf(m, 's0'), 'Service web · ClusterIP · namespace shop');
  assert.equal(labelOf(m, 's0_l0'), 'port http 80/TCP');
  assert.equal(labelOf(m, 's0_l0_cip'), 'ClusterIP :80\nallocated by the API server');
  assert.equal(labelOf(m, 's0_l0_kp'), 'kube-proxy\npicks one ready pod');
  assert.equal(labelOf(m, 's0_l0_pod'), 'Pods :http TCP\nhttp = 8080 in Deployment web');
  assert.equal(labelOf(m, 's0_w0'), 'Deployment web\n3 replicas');
  assert.deepEqual(edgesBetween(m, 's0_in', 's0_l0_cip'), ['']);
  assert.deepEqual(edgesBetween(m, 's0_l0_cip', 's0_l0_kp'), ['']);
  assert.deepEqual(edgesBetween(m, 's0_l0_kp', 's0_l0_pod'), ['to :http']);
  assert.deepEqual(edgesBetween(m, 's0_l0_pod', 's0_w0'), ['']);
  // Nothing external: no node port, no external client.
  assert.equal(labelOf(m, 's0_ext'), undefined);
  assert.equal(labelOf(m, 's0_l0_np'), undefined);
  // Clicking the workload reveals its name in the Deployment.
  assert.equal(graph.links.s0_w0.range.start.line, lineOf(text, 'web\n  namespace: shop\nspec:\n  replicas'));
});

test('NodePort: external client → every node :nodePort (or "allocated from" the range) → kube-proxy, plus the ClusterIP path', () => {
  const m = build(
    svc('  type: NodePort\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n      nodePort: 30080\n    - name: metrics\n      port: 9090\n'),
  ).graph.text;
  assert.equal(labelOf(m, 's0_l0_np'), 'Every node\nNodeIP:30080');
  assert.equal(labelOf(m, 's0_l1_np'), 'Every node\nNodeIP:nodePort\nallocated from 30000-32767');
  assert.deepEqual(edgesBetween(m, 's0_ext', 's0_l0_np'), ['TCP 30080']);
  assert.deepEqual(edgesBetween(m, 's0_l0_np', 's0_l0_kp'), ['to any ready pod, client IP replaced (SNAT)']);
  assert.deepEqual(edgesBetween(m, 's0_in', 's0_l0_cip'), ['']);
  assert.deepEqual(edgesBetween(m, 's0_l1_kp', 's0_l1_pod'), ['to :9090']);
});

test('NodePort with externalTrafficPolicy: Local keeps the client IP and stays on the node', () => {
  const m = build(svc('  type: NodePort\n  externalTrafficPolicy: Local\n  ports:\n    - port: 80\n')).graph.text;
  assert.deepEqual(edgesBetween(m, 's0_l0_np', 's0_l0_kp'), ['only to pods on this node, client IP kept']);
  assert.equal(labelOf(m, 's0_l0_np'), 'Every node\nNodeIP:nodePort\nallocated from 30000-32767\na node without a ready pod does not forward');
  assert.doesNotMatch(m, /health check/);
});

test('LoadBalancer: client → load balancer (pending, sources, implementation) → node port → kube-proxy → pods', () => {
  const m = build(svc('  type: LoadBalancer\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n')).graph.text;
  assert.equal(
    labelOf(m, 's0_lb'),
    'Load balancer\nby the cloud controller or another implementation\nexternal IP pending until provisioned\nsources not restricted by the Service',
  );
  assert.equal(labelOf(m, 's0_ext'), 'Client');
  assert.deepEqual(edgesBetween(m, 's0_ext', 's0_lb'), ['']);
  assert.deepEqual(edgesBetween(m, 's0_lb', 's0_l0_np'), [':80 usually to node port (allocated)']);
  assert.equal(labelOf(m, 's0_l0_np'), 'Every node\nNodeIP:nodePort\nallocated from 30000-32767');
});

test('LoadBalancer + Local: health-check node port, every node listens but only those with a ready pod forward, affinity on kube-proxy', () => {
  const text = svc(
    '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 32000\n  sessionAffinity: ClientIP\n  loadBalancerSourceRanges: [203.0.113.0/24]\n  ports:\n    - port: 443\n      nodePort: 31443\n',
  );
  const m = build(text, { settings: { clusterProfile: 'cloud' } }).graph.text;
  assert.equal(
    labelOf(m, 's0_lb'),
    "Load balancer\nby the cloud provider's controller\nexternal IP pending until provisioned\nallowed sources 203.0.113.0/24\nhealth check on NodeIP:32000\npasses only where a ready pod runs",
  );
  assert.equal(labelOf(m, 's0_l0_np'), 'Every node\nNodeIP:31443\na node without a ready pod does not forward');
  assert.deepEqual(edgesBetween(m, 's0_lb', 's0_l0_np'), [':443 usually to node port 31443, healthy nodes only']);
  assert.deepEqual(edgesBetween(m, 's0_l0_np', 's0_l0_kp'), ['only to pods on this node, client IP kept']);
  assert.equal(labelOf(m, 's0_l0_kp'), 'kube-proxy\npicks one ready pod\nClientIP affinity: same client, same pod for 3 h');
});

test('LoadBalancer with allocateLoadBalancerNodePorts: false goes straight to the pods or to the LB IP on a node', () => {
  const text = svc('  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/direct\n  ports:\n    - port: 80\n');
  const m = build(text, { settings: { clusterProfile: 'bare-metal' } }).graph.text;
  assert.equal(labelOf(m, 's0_l0_np'), undefined);
  assert.deepEqual(edgesBetween(m, 's0_lb', 's0_l0_pod'), ['straight to pod IPs, where the implementation supports it']);
  assert.deepEqual(edgesBetween(m, 's0_lb', 's0_l0_kp'), ['or to a node, addressed to the LB IP :80']);
  assert.match(labelOf(m, 's0_lb') ?? '', /\nimplementation: example\.com\/direct\n.*allocateLoadBalancerNodePorts: false$/s);
  // The bare-metal note only applies when no class names the implementation.
  const plain = build(svc('  type: LoadBalancer\n  ports:\n    - port: 80\n'), { settings: { clusterProfile: 'bare-metal' } }).graph.text;
  assert.match(labelOf(plain, 's0_lb') ?? '', /stays pending without an implementation such as MetalLB/);
});

test('headless: DNS returns pod IPs and the client connects to a pod directly, no kube-proxy', () => {
  const m = build(svc('  clusterIP: None\n  ports:\n    - port: 80\n      targetPort: 8080\n')).graph.text;
  assert.equal(labelOf(m, 's0'), 'Service web · headless ClusterIP · namespace shop');
  assert.equal(labelOf(m, 's0_dns'), 'Cluster DNS\nweb.shop.svc answers with\nthe IPs of ready pods (A/AAAA)');
  assert.equal(labelOf(m, 's0_l0_pod'), 'Pod IPs :8080 TCP\nno proxy, no port translation\nclients must use 8080, not 80');
  assert.equal(labelOf(m, 's0_l0_kp'), undefined);
  assert.equal(labelOf(m, 's0_l0_cip'), undefined);
  assert.deepEqual(edgesBetween(m, 's0_in', 's0_dns'), ['1. DNS lookup']);
  assert.deepEqual(edgesBetween(m, 's0_in', 's0_l0_pod'), ['2. connects to a pod IP']);
});

test('ExternalName: a DNS CNAME, no proxying, no pods', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n';
  const m = build(text).graph.text;
  assert.equal(labelOf(m, 's0_dns'), 'Cluster DNS\ndb.<namespace>.svc is a CNAME for\ndb.example.com');
  assert.equal(labelOf(m, 's0_target'), 'db.example.com\nresolved and reached by the client itself\nno proxying, Service ports are not used');
  assert.deepEqual(edgesBetween(m, 's0_in', 's0_dns'), ['DNS lookup']);
  assert.deepEqual(edgesBetween(m, 's0_dns', 's0_target'), ['CNAME']);
  assert.doesNotMatch(m, /kube-proxy|Pods/);
});

test('externalIPs on a ClusterIP Service: reachable from outside through kube-proxy', () => {
  const m = build(svc('  externalIPs: [198.51.100.32]\n  ports:\n    - port: 80\n')).graph.text;
  assert.equal(labelOf(m, 's0_l0_eip0'), 'External IP\n198.51.100.32:80');
  assert.deepEqual(edgesBetween(m, 's0_ext', 's0_l0_eip0'), ['routed to a node by your network']);
  assert.deepEqual(edgesBetween(m, 's0_l0_eip0', 's0_l0_kp'), ['to any ready pod, client IP replaced (SNAT)']);
});

test('no selector, no matching workload, and an undeclared named port are drawn as such', () => {
  const bare = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  ports:\n    - port: 80\n';
  assert.equal(labelOf(build(bare).graph.text, 's0_manual'), 'No selector\nendpoints come from EndpointSlices\nmanaged outside this Service');
  const none = build(bare.replace('spec:\n', 'spec:\n  selector:\n    app: ghost\n')).graph.text;
  assert.match(labelOf(none, 's0_none') ?? '', /^No matching workload\nin the workspace has pod labels\napp=ghost/);
  assert.match(none, /class [^\n]*s0_none[^\n]* (warning|problem)/);
  const unresolved = build(svc('  ports:\n    - port: 80\n      targetPort: grpc\n')).graph.text;
  assert.match(labelOf(unresolved, 's0_l0_pod') ?? '', /\ngrpc not declared in Deployment web: no endpoint/);
});

test('upstream references are drawn into the lane they use; a port the Service lacks is a marked node', () => {
  const text = `${svc('  ports:\n    - name: http\n      port: 80\n')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
          - { path: /v2, pathType: Prefix, backend: { service: { name: web, port: { number: 81 } } } }
`;
  const { graph } = build(text);
  assert.equal(labelOf(graph.text, 's0_u0'), 'Ingress site\nshop.example.com/');
  assert.deepEqual(edgesBetween(graph.text, 's0_u0', 's0_l0_cip'), ['port 80']);
  assert.deepEqual(edgesBetween(graph.text, 's0_u1', 's0'), ['port 81, not a port of this Service']);
  assert.match(graph.text, /class [^\n]*s0_u1[^\n]* problem/);
  assert.ok(graph.links.s0_u0, 'the Ingress node reveals the Ingress');
});

test('findings mark the node they are about, and clicking it reveals the finding', () => {
  const text = svc('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 80\n');
  const { graph } = build(text);
  assert.match(labelOf(graph.text, 's0_l0_np') ?? '', /\n⚠ nodeport-out-of-range$/);
  assert.match(graph.text, /class [^\n]*s0_l0_np[^\n]* problem/);
  assert.equal(
    graph.links.s0_l0_np.range.start.line,
    text.split('\n').findIndex((l) => l.includes('nodePort: 80')),
  );
  // A nodePort on a ClusterIP Service has no node-port box to sit on: it is listed, not lost.
  const onClusterIP = build(svc('  ports:\n    - port: 80\n      nodePort: 30080\n')).graph.text;
  assert.match(labelOf(onClusterIP, 's0_issues') ?? '', /^Problems\n.*⚠ nodeport-on-clusterip/s);
});

test('an invalid type and an empty document still give a valid, explanatory diagram', () => {
  const bad = build(svc('  type: Nodeport\n  ports:\n    - port: 80\n')).graph.text;
  assert.match(labelOf(bad, 's0_svc') ?? '', /^Service web · Nodeport · namespace shop\nNot a Service type: the API server rejects it\./);
  assert.equal(labelOf(build(WEB).graph.text, 'empty'), 'No Service here\nOpen a manifest with kind Service to see its traffic path.');
});

test('several Services get separate, prefixed node ids', () => {
  const two = `${svc('  ports:\n    - port: 80\n')}---\n${svc('  type: NodePort\n  ports:\n    - port: 81\n').replace('name: web\n  namespace', 'name: api\n  namespace')}`;
  const { graph, paths } = build(two);
  assert.deepEqual(
    paths.map((p) => p.id),
    ['s0', 's1'],
  );
  assert.equal(labelOf(graph.text, 's1'), 'Service api · NodePort · namespace shop');
  assert.equal(
    new Set(
      graph.text
        .split('\n')
        .map((l) => /^\s*(s\d+_[a-z0-9_]+)[[({>]/.exec(l)?.[1])
        .filter(Boolean),
    ).size,
    graph.nodeCount,
  );
});
