import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment } from '../../../kit/manifests';
import { hover, hoverResult, thisServiceOf, URI } from './helpers';

const service = (spec: string, name = 'web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;

const WEB = deployment({ name: 'web', labels: '{app: web}', matchLabels: true, replicas: 3, ports: [{ name: 'http', containerPort: 8080 }] });
const others = { 'file:///workspace/deploy.yaml': WEB };

const NODEPORT = service(`  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30007
`);

test('NodePort: the path in words with its own node port, target port, replicas and labels', () => {
  const md = hover(NODEPORT, 'NodePort', { others });
  assert.ok(md.startsWith('**Service `web`** · `type: NodePort`'), md);
  assert.match(
    thisServiceOf(md),
    /- Clients reach any node at `<NodeIP>:30007` \(TCP\); kube-proxy forwards to port 8080 on the 3 pods of Deployment `web` \(labels `app=web`\)\. Inside the cluster it also answers on its cluster IP as `web:80` \(`web\.<namespace>:80` from other namespaces\)\./,
  );
  assert.match(thisServiceOf(md), /`externalTrafficPolicy: Cluster` \(default\): .*pod on another node.*the node's IP instead of the client's/);
  assert.match(md, /\[NodePort\]\(https:\/\/kubernetes\.io\/docs\/concepts\/services-networking\/service\/#type-nodeport\): .*\*\*← this Service\*\*/);
});

test('the hover range is the hovered value, on the key as well', () => {
  const onValue = hoverResult(NODEPORT, 'NodePort', { others });
  assert.equal(NODEPORT.slice(onValue?.start, onValue?.end), 'NodePort');
  const onKey = hoverResult(NODEPORT, 'type:', { others });
  assert.equal(NODEPORT.slice(onKey?.start, onKey?.end), 'type');
  assert.equal(onKey?.markdown, onValue?.markdown);
});

test('NodePort vs LoadBalancer table states who balances and how, without folklore', () => {
  const md = hover(NODEPORT, 'NodePort', { others });
  assert.match(md, /\| Spreads load across nodes \| nobody: clients, or a load balancer you run, pick a node \| the external load balancer \|/);
  assert.match(md, /kube-proxy on the receiving node: at random in iptables and nftables mode, round-robin by default in IPVS mode/);
  assert.match(md, /\| Ports \| node port from 30000-32767 /);
  assert.match(md, /\| Client source IP \| replaced by a node IP with `externalTrafficPolicy: Cluster` \(default\); kept with `Local`/);
  assert.match(md, /\| Cost and dependencies \|.*MetalLB/);
  assert.match(md, /UDP works where the provider supports it.*mix protocols such as TCP and UDP \(on by default since Kubernetes 1\.24, GA in 1\.26\)/);
  assert.doesNotMatch(md, /(does not|doesn't|no) support (for )?UDP/i);
  assert.doesNotMatch(md, /NodePort does no load balancing/i);
  for (const mention of md.match(/[^.|]*round-robin[^.|]*/g) ?? []) assert.match(mention, /IPVS/, `round-robin only with IPVS: ${mention}`);
});

test('the command link opens the traffic preview at the Service, only for clients that have the command', () => {
  assert.doesNotMatch(hover(NODEPORT, 'NodePort', { others }), /command:/);
  const md = hover(NODEPORT, 'NodePort', { others, commandLinks: true });
  const match = /\[Show traffic path\]\(command:kubeServiceLens\.showTrafficPreviewToSide\?([^ )]+)/.exec(md);
  assert.ok(match, md);
  assert.deepEqual(JSON.parse(decodeURIComponent(match[1])), [URI, { line: 1, character: 6 }]);
});

test('NodePort without nodePort: allocated from the configured range', () => {
  const text = NODEPORT.replace('      nodePort: 30007\n', '');
  const md = hover(text, 'NodePort', { others, settings: { nodePortRange: { first: 20000, last: 20999 } } });
  assert.match(thisServiceOf(md), /`<NodeIP>:<nodePort>`, a node port Kubernetes allocates from 20000-20999 when the Service is created,/);
  assert.match(md, /node port from 20000-20999/);
});

const LB = service(`  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 443
      targetPort: http
`);

test('LoadBalancer builds on node ports: allocated, explicit, or none with allocateLoadBalancerNodePorts: false', () => {
  assert.match(
    thisServiceOf(hover(LB, 'LoadBalancer', { others })),
    /Clients connect to the load balancer's address on port 443 \(TCP\); it typically forwards to a node port that Kubernetes allocates from 30000-32767 on the nodes, and kube-proxy forwards to port 8080 \(`http`\) on the 3 pods of Deployment `web`/,
  );
  const explicit = LB.replace('targetPort: http\n', 'targetPort: http\n      nodePort: 31443\n');
  assert.match(thisServiceOf(hover(explicit, 'LoadBalancer', { others })), /it typically forwards to node port 31443 on the nodes/);
  const direct = LB.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n');
  assert.match(
    thisServiceOf(hover(direct, 'LoadBalancer', { others })),
    /no node port is allocated \(`allocateLoadBalancerNodePorts: false`\), so the load balancer sends the traffic either straight to the pods or to a node with its own IP as the destination, which kube-proxy forwards to port 8080 \(`http`\) on the 3 pods of Deployment `web`/,
  );
  const directExplicit = direct.replace('targetPort: http\n', 'targetPort: http\n      nodePort: 31443\n');
  assert.match(thisServiceOf(hover(directExplicit, 'LoadBalancer', { others })), /node port 31443/);
});

test('LoadBalancer: who provisions it depends on the cluster profile and loadBalancerClass', () => {
  assert.match(thisServiceOf(hover(LB, 'LoadBalancer', { others })), /cloud provider's integration .* `<pending>`/);
  assert.match(
    thisServiceOf(hover(LB, 'LoadBalancer', { others, settings: { clusterProfile: 'bare-metal' } })),
    /stays `<pending>` unless a load-balancer implementation \(for example MetalLB\)/,
  );
  assert.match(thisServiceOf(hover(LB, 'LoadBalancer', { others, settings: { clusterProfile: 'local' } })), /`minikube tunnel`/);
  const classed = LB.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  loadBalancerClass: example.com/internal\n');
  assert.match(
    thisServiceOf(hover(classed, 'LoadBalancer', { others })),
    /watches class `example\.com\/internal`; the cloud provider's default implementation ignores this Service/,
  );
});

test('LoadBalancer with externalTrafficPolicy: Local keeps the source IP and uses the health check node port', () => {
  const local = LB.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n');
  const block = thisServiceOf(hover(local, 'LoadBalancer', { others }));
  assert.match(block, /`externalTrafficPolicy: Local`: a node forwards outside traffic only to its own ready pods and the client's source IP is kept/);
  assert.match(block, /Load balancers that support it health-check `healthCheckNodePort` so that they send traffic only to nodes with a ready pod/);
});

test('ClusterIP: reachable inside the cluster only, unless externalIPs are set; kind: Service hovers the same', () => {
  const text = service(`  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`);
  const md = hover(text, 'Service');
  assert.match(md, /`type: ClusterIP` \(default\)/);
  assert.match(
    thisServiceOf(md),
    /Pods connect to the cluster IP as `web:80` \(`web\.<namespace>:80` from other namespaces\) \(TCP\); kube-proxy forwards to port 8080 on pods labelled `app=web` \(no workload in the workspace has these pod labels\)\. Not reachable from outside the cluster\./,
  );
  const external = text.replace('  selector:', '  externalIPs: [203.0.113.10]\n  selector:');
  const block = thisServiceOf(hover(external, 'Service'));
  assert.match(block, /Nodes also accept it at `203\.0\.113\.10:80` \(externalIPs\)/);
  assert.match(block, /`externalTrafficPolicy: Cluster` \(default\)/);
});

test('headless, ExternalName, no selector and an invalid type', () => {
  const headless = service(
    `  clusterIP: None
  selector: {app: web}
  ports:
    - port: 5432
`,
    'db',
  );
  assert.match(
    thisServiceOf(hover(headless, 'Service', { others })),
    /No cluster IP \(headless\): the DNS name `db` resolves straight to the ready pods' IPs, and clients connect to them directly on port 5432, without kube-proxy/,
  );
  const external = service('  type: ExternalName\n  externalName: db.example.com\n', 'db');
  assert.match(thisServiceOf(hover(external, 'ExternalName')), /The cluster DNS answers `db` with a CNAME for `db\.example\.com`/);
  const bare = service('  ports:\n    - port: 80\n');
  assert.match(thisServiceOf(hover(bare, 'Service')), /EndpointSlices managed outside Kubernetes \(this Service has no selector\)/);
  const wrong = service('  type: Nodeport\n  ports:\n    - port: 80\n');
  assert.match(
    hover(wrong, 'Nodeport'),
    /`spec\.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`/,
  );
});

test('multi-port Services get one line per named port, each with its own numbers', () => {
  const text = service(`  type: NodePort
  selector: {app: web}
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
    - name: dns
      port: 53
      protocol: UDP
      nodePort: 30053
`);
  const block = thisServiceOf(hover(text, 'NodePort', { others }));
  assert.match(block, /- `http`: Clients reach any node at `<NodeIP>:30080` \(TCP\); kube-proxy forwards to port 8080 \(`http`\)/);
  assert.match(block, /- `dns`: Clients reach any node at `<NodeIP>:30053` \(UDP\); kube-proxy forwards to port 53 on/);
});

test('several workloads and a named port that only some declare', () => {
  const canary = deployment({ name: 'web-canary', labels: '{app: web}', matchLabels: true, replicas: 1, ports: [{ name: 'web', containerPort: 9090 }] });
  const md = hover(LB, 'LoadBalancer', { others: { ...others, 'file:///workspace/canary.yaml': canary } });
  assert.match(
    thisServiceOf(md),
    /port `http` \(8080 in Deployment `web`; not declared in 1 other workload\) on the 3 pods of Deployment `web` and the 1 pod of Deployment `web-canary` \(all labelled `app=web`\)/,
  );
});

test('template files explain the type without quoting unrendered values', () => {
  const text = NODEPORT.replace('nodePort: 30007', 'nodePort: {{ .Values.nodePort }}');
  const md = hover(text, 'NodePort', { others });
  assert.doesNotMatch(md, /\*\*This Service\*\*/);
  assert.match(md, /template syntax/);
  assert.match(md, /\*\*NodePort vs LoadBalancer\*\*/);
});

test('a type that is not a plain string is not mistaken for the ClusterIP default', () => {
  const numeric = NODEPORT.replace('type: NodePort', 'type: 5');
  const md = hover(numeric, 'type:', { others });
  assert.ok(md.startsWith('**Service `web`** · `type`\n'), md);
  assert.doesNotMatch(md, /type: ClusterIP|← this Service/);
  assert.doesNotMatch(md, /\*\*This Service\*\*/);
  const templated = hover(NODEPORT.replace('type: NodePort', 'type: {{ .Values.type }}'), 'type:', { others });
  assert.match(templated, /template syntax/);
  assert.doesNotMatch(templated, /type: ClusterIP/);
});

test('a nodePort outside the range is called rejected before the path is described', () => {
  const md = hover(service('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 8080\n'), 'NodePort');
  assert.match(
    md,
    /\*\*As written this is rejected:\*\* node port 8080 is outside 30000-32767\. If it were accepted: Clients reach any node at `<NodeIP>:8080`/,
  );
  assert.doesNotMatch(hover(service('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n'), 'NodePort'), /rejected/);
});

test('a stray `type: ClusterIP` after `type: NodePort`: kubectl keeps ClusterIP, and so do the hover and `explain`', () => {
  const stray = `${NODEPORT}  type: ClusterIP\n`;
  for (const needle of ['ClusterIP', 'NodePort', 'Service\n']) {
    const md = hover(stray, needle, { others });
    const dropped = needle === 'NodePort';
    assert.equal(
      md.startsWith(
        '**Ignored by kubectl:** `spec.type` is set again later in the same mapping, and kubectl applies only the last `type:`; this one never reaches the cluster. What follows describes the value it applies.\n\n',
      ),
      dropped,
      md,
    );
    assert.match(md, /^(.*\n\n)?\*\*Service `web`\*\* · `type: ClusterIP`/, md);
    assert.match(thisServiceOf(md), /Not reachable from outside the cluster\./);
    assert.doesNotMatch(thisServiceOf(md), /30007/);
  }
});

test('inside a block kubectl drops, the hover names the outermost repeated key', () => {
  const twice = `${NODEPORT}  ports:\n    - port: 81\n`;
  const md = hover(twice, 'nodePort', { others });
  assert.ok(md.startsWith('**Ignored by kubectl:** `spec.ports` is set again later in the same mapping'), md);
  assert.ok(!hover(twice, 'port: 81', { others }).includes('Ignored by kubectl'));
});
