import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staticBandEnd } from '../../../../server/src/kubernetes/nodePorts';
import { deployment } from '../../../kit/manifests';
import { hereOf, hover } from './helpers';

const service = (type: string, ports: string, name = 'web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
  selector:
    app: web
  ports:
${ports}`;

const WEB = deployment({
  name: 'web',
  labels: '{app: web}',
  matchLabels: true,
  replicas: 3,
  ports: [
    { name: 'http', containerPort: 8080 },
    { name: 'metrics', containerPort: 9100, protocol: 'UDP' },
  ],
});
const others = { 'file:///workspace/deploy.yaml': WEB };

test('port: what clients in the cluster use, where it goes, and that it is not the node port', () => {
  const text = service('NodePort', '    - port: 80\n      targetPort: 8080\n      nodePort: 30007\n');
  const md = hover(text, 'port: 80', { others });
  assert.ok(md.startsWith('**`spec.ports[0].port`**'));
  assert.equal(
    hereOf(md).trim(),
    'clients in the cluster use `web:80` (`web.<namespace>:80` from other namespaces); the traffic goes to port 8080 on the pods. From outside the cluster the port is the node port 30007, not 80.',
  );
});

test('targetPort: a named port resolves to the container port, with a link to the workload', () => {
  const text = service('ClusterIP', '    - port: 80\n      targetPort: http\n');
  const here = hereOf(hover(text, 'targetPort', { others }));
  assert.match(
    here,
    /^`http`\n {2}- Deployment `web` \(\[deploy\.yaml:2\]\(file:\/\/\/workspace\/deploy\.yaml#L2\)\): `http` is containerPort 8080 of container `app`\./,
  );
});

test('targetPort: missing name, wrong protocol, undeclared number, default and headless', () => {
  const missing = hereOf(hover(service('ClusterIP', '    - port: 80\n      targetPort: grpc\n'), 'targetPort', { others }));
  assert.match(missing, /no container declares a TCP port named `grpc`, so its pods get no traffic on this port\./);
  const wrongProtocol = hereOf(hover(service('ClusterIP', '    - port: 80\n      targetPort: metrics\n'), 'targetPort', { others }));
  assert.match(wrongProtocol, /named `metrics` \(it is declared for UDP only; the protocols must match\)/);
  const undeclared = hereOf(hover(service('ClusterIP', '    - port: 80\n      targetPort: 3000\n'), 'targetPort', { others }));
  assert.match(
    undeclared,
    /no container declares 3000\/TCP\. That is allowed \(declaring ports is informational\), but the process must listen on 3000\/TCP\./,
  );
  const declared = hereOf(hover(service('ClusterIP', '    - port: 80\n      targetPort: 8080\n'), 'targetPort', { others }));
  assert.match(declared, /container `app` declares 8080\/TCP as `http`\./);
  const defaulted = hereOf(hover(service('ClusterIP', '    - port: 8080\n      targetPort: 0\n'), 'targetPort', { others }));
  assert.match(defaulted, /^`8080` \(same as `port`\)/);
  const headless = service('ClusterIP', '    - port: 80\n      targetPort: 8080\n').replace('  type: ClusterIP\n', '  type: ClusterIP\n  clusterIP: None\n');
  assert.match(hereOf(hover(headless, 'targetPort', { others })), /^`8080`: clients connect to the pod IPs on this port themselves \(headless, no proxy\)/);
});

test('nodePort: in range, out of range, on ClusterIP and not set', () => {
  const inRange = hereOf(hover(service('NodePort', '    - port: 80\n      nodePort: 30007\n'), 'nodePort'));
  assert.match(inRange, /^`30007`, inside 30000-32767: clients reach `<NodeIP>:30007` \(TCP\)\. No other Service in the workspace asks for this node port\./);
  const low = hereOf(hover(service('LoadBalancer', '    - port: 80\n      nodePort: 8080\n'), 'nodePort'));
  assert.match(low, /^`8080` is outside the node-port range 30000-32767: the API server rejects it/);
  const custom = hereOf(
    hover(service('NodePort', '    - port: 80\n      nodePort: 8080\n'), 'nodePort', { settings: { nodePortRange: { first: 1, last: 10000 } } }),
  );
  assert.match(custom, /^`8080`, inside 1-10000/);
  assert.match(hereOf(hover(service('ClusterIP', '    - port: 80\n      nodePort: 30007\n'), 'nodePort')), /not allowed: ClusterIP Services get no node port/);
  const unset = service('NodePort', '    - port: 80\n      protocol: TCP\n');
  assert.match(hereOf(hover(unset, 'protocol', {})), /^`TCP`\.$/);
});

test('nodePort: the upper band is where automatic allocation goes first', () => {
  assert.equal(staticBandEnd({ first: 30000, last: 32767 }), 30085);
  assert.equal(staticBandEnd({ first: 30000, last: 30010 }), undefined);
  assert.equal(staticBandEnd({ first: 1, last: 65535 }), 128);
  const upper = hereOf(hover(service('NodePort', '    - port: 80\n      nodePort: 31000\n'), 'nodePort'));
  assert.match(upper, /Automatic allocation prefers 30086-32767; a fixed port from 30000-30085 is less likely to clash/);
  const lower = hereOf(hover(service('NodePort', '    - port: 80\n      nodePort: 30010\n'), 'nodePort'));
  assert.doesNotMatch(lower, /Automatic allocation prefers/);
});

test('nodePort: collisions with other Services in the workspace and inside the Service', () => {
  const api = service('LoadBalancer', '    - port: 443\n      nodePort: 30007\n', 'api').replace('app: web', 'app: api');
  const copy = service('NodePort', '    - port: 80\n      nodePort: 30007\n');
  const text = service('NodePort', '    - name: a\n      port: 80\n      nodePort: 30007\n    - name: b\n      port: 81\n      nodePort: 30007\n');
  const here = hereOf(hover(text, 'nodePort', { others: { 'file:///workspace/api.yaml': api, 'file:///workspace/overlay.yaml': copy } }));
  assert.match(here, /Also requested by port 81 of this Service: creating the Service fails with `provided port is already allocated`\./);
  assert.match(here, /Also requested by Service `api` port 443 \(\[api\.yaml:2\]\(file:\/\/\/workspace\/api\.yaml#L2\)\)/);
  assert.doesNotMatch(here, /overlay\.yaml/, 'another copy of the same Service is not a collision');
  const shared = service(
    'NodePort',
    '    - name: dns-tcp\n      port: 53\n      nodePort: 30053\n    - name: dns-udp\n      port: 53\n      protocol: UDP\n      nodePort: 30053\n',
  );
  assert.match(hereOf(hover(shared, 'nodePort')), /No other Service in the workspace asks for this node port\./);
});

test('protocol: UDP and mixed protocols on a LoadBalancer depend on the provider', () => {
  const text = service('LoadBalancer', '    - name: web\n      port: 80\n    - name: dns\n      port: 53\n      protocol: UDP\n');
  const here = hereOf(hover(text, 'protocol'));
  assert.equal(
    here.trim(),
    '`UDP`: UDP on a LoadBalancer works where the provider supports it; this load balancer mixes `TCP` and `UDP`, which Kubernetes allows by default since 1.24 (GA in 1.26) and the provider must support too.',
  );
});

test('name: SRV record, required with several ports; appProtocol is a hint', () => {
  const text = service('ClusterIP', '    - name: http\n      port: 80\n      appProtocol: kubernetes.io/h2c\n    - port: 81\n').replace(
    '  name: web\n',
    '  name: web\n  namespace: shop\n',
  );
  assert.equal(hereOf(hover(text, 'name: http')).trim(), '`http`: SRV name `_http._tcp.web.shop`.');
  const app = hover(text, 'appProtocol');
  assert.equal(hereOf(app).trim(), '`kubernetes.io/h2c`.');
  assert.match(app, /kube-proxy does not use it/);
  const unnamed = service('ClusterIP', '    - name: ""\n      port: 80\n    - name: b\n      port: 81\n');
  assert.match(hereOf(hover(unnamed, 'name: ""')), /missing: with several ports every port needs a name \(`Required value`\)/);
  const single = service('ClusterIP', '    - name: ""\n      port: 80\n');
  assert.match(hereOf(hover(single, 'name: ""')), /not set, which is fine with a single port/);
});
