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

test('NodePort: the lead says what the type does, then its own node port, target port, replicas and labels', () => {
  const md = hover(NODEPORT, 'NodePort', { others });
  assert.ok(md.startsWith('**Service `web`** · `type: NodePort`: a cluster IP, plus the same port opened on every node.\n'), md);
  const block = thisServiceOf(md);
  assert.match(block, /^- `<NodeIP>:30007` on any node, and `web:80` in the cluster \(TCP\) → port 8080$/m);
  assert.match(block, /^- Pods: the 3 pods of Deployment `web` \(labels `app=web`\)$/m);
  assert.match(block, /^- From other namespaces: `web\.<namespace>`$/m);
  assert.match(block, /`externalTrafficPolicy: Cluster` \(default\): .*pod on another node.*a node's IP, not the client's/);
});

test('the hover range is the hovered value, on the key as well', () => {
  const onValue = hoverResult(NODEPORT, 'NodePort', { others });
  assert.equal(NODEPORT.slice(onValue?.start, onValue?.end), 'NodePort');
  const onKey = hoverResult(NODEPORT, 'type:', { others });
  assert.equal(NODEPORT.slice(onKey?.start, onKey?.end), 'type');
  assert.equal(onKey?.markdown, onValue?.markdown);
});

test('the four types and NodePort vs LoadBalancer are one link away, not repeated in the hover', () => {
  const md = hover(NODEPORT, 'NodePort', { others });
  assert.doesNotMatch(md, /\| Spreads load across nodes|\*\*The four types\*\*|NodePort vs LoadBalancer/);
  assert.match(md, /\[Compare Service types\]\(https:\/\/github\.com\/kube-service-lens\/kube-service-lens\/blob\/main\/docs\/service-types\.md\)/);
  assert.match(md, /\[Kubernetes docs\]\(https:\/\/kubernetes\.io\/docs\/concepts\/services-networking\/service\/#type-nodeport\)/);
  const inVsCode = hover(NODEPORT, 'NodePort', { others, commandLinks: true });
  assert.match(inVsCode, /\[Compare Service types\]\(command:kubeServiceLens\.showServiceTypes "/);
  assert.doesNotMatch(inVsCode, /github\.com/);
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
  assert.match(thisServiceOf(md), /`<NodeIP>:<nodePort>` \(allocated from 20000-20999\) on any node/);
});

const LB = service(`  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 443
      targetPort: http
`);

test('LoadBalancer builds on node ports: allocated, explicit, or none with allocateLoadBalancerNodePorts: false', () => {
  const md = hover(LB, 'Service', { others });
  assert.match(
    md,
    /^\*\*Service `web`\*\* · `type: LoadBalancer`: an external load balancer, typically forwarding to node ports on every node, plus a cluster IP\./,
  );
  assert.match(thisServiceOf(md), /^- load balancer port 443 \(TCP\) → an allocated node port → port 8080 \(`http`\)$/m);
  assert.match(thisServiceOf(md), /^- Pods: the 3 pods of Deployment `web` \(labels `app=web`\)$/m);
  const explicit = LB.replace('targetPort: http\n', 'targetPort: http\n      nodePort: 31443\n');
  assert.match(thisServiceOf(hover(explicit, 'Service', { others })), /load balancer port 443 \(TCP\) → node port 31443 → port 8080/);
  const direct = LB.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n');
  const directMd = hover(direct, 'Service', { others });
  assert.match(directMd, /an external load balancer, with no node ports allocated/);
  assert.match(thisServiceOf(directMd), /load balancer port 443 \(TCP\) → the pods or a node directly \(no node port\) → port 8080 \(`http`\)/);
  const directExplicit = direct.replace('targetPort: http\n', 'targetPort: http\n      nodePort: 31443\n');
  assert.match(thisServiceOf(hover(directExplicit, 'Service', { others })), /node port 31443/);
});

test('LoadBalancer: who provisions it depends on the cluster profile and loadBalancerClass', () => {
  assert.match(thisServiceOf(hover(LB, 'Service', { others })), /cloud provider's integration .* `<pending>`/);
  assert.match(
    thisServiceOf(hover(LB, 'Service', { others, settings: { clusterProfile: 'bare-metal' } })),
    /stays `<pending>` unless a load-balancer implementation \(for example MetalLB\)/,
  );
  assert.match(thisServiceOf(hover(LB, 'Service', { others, settings: { clusterProfile: 'local' } })), /`minikube tunnel`/);
  const classed = LB.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  loadBalancerClass: example.com/internal\n');
  assert.match(
    thisServiceOf(hover(classed, 'Service', { others })),
    /watches class `example\.com\/internal`; the cloud provider's default implementation ignores this Service/,
  );
});

test('LoadBalancer with externalTrafficPolicy: Local keeps the source IP and uses the health check node port', () => {
  const local = LB.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n');
  const block = thisServiceOf(hover(local, 'Service', { others }));
  assert.match(block, /`externalTrafficPolicy: Local`: the client IP is kept, and a node without a ready pod of this Service drops outside traffic/);
  assert.match(block, /load balancers that health-check `healthCheckNodePort` avoid such nodes/);
});

test('ClusterIP: reachable inside the cluster only, unless externalIPs are set; kind: Service hovers the same', () => {
  const text = service(`  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`);
  const md = hover(text, 'Service');
  assert.match(md, /`type: ClusterIP` \(default\): a virtual IP reachable only inside the cluster\./);
  assert.match(thisServiceOf(md), /^- `web:80` \(TCP\) → port 8080$/m);
  assert.match(thisServiceOf(md), /^- Pods: pods labelled `app=web` \(no workload in the workspace has these pod labels\)$/m);
  const external = text.replace('  selector:', '  externalIPs: [203.0.113.10]\n  selector:');
  const externalMd = hover(external, 'Service');
  assert.match(externalMd, /a virtual IP inside the cluster, also accepted by the nodes on its externalIPs/);
  assert.doesNotMatch(externalMd, /only inside/);
  const block = thisServiceOf(externalMd);
  assert.match(block, /`web:80`, and `203\.0\.113\.10:80` \(externalIPs\) \(TCP\) → port 8080/);
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
  assert.match(thisServiceOf(hover(headless, 'Service', { others })), /^- pod IPs directly, on port 5432 \(TCP\)$/m);
  const external = service('  type: ExternalName\n  externalName: db.example.com\n', 'db');
  assert.match(thisServiceOf(hover(external, 'ExternalName')), /The cluster DNS answers `db` with a CNAME for `db\.example\.com`/);
  assert.match(hover(external, 'ExternalName'), /a DNS alias \(CNAME\), with no cluster IP and no proxying/);
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
  assert.match(block, /^- `http` 80: `<NodeIP>:30080` on any node, and `web:80` in the cluster \(TCP\) → port 8080 \(`http`\)$/m);
  assert.match(block, /^- `dns` 53: `<NodeIP>:30053` on any node, and `web:53` in the cluster \(UDP\) → port 53$/m);
});

test('several workloads and a named port that only some declare', () => {
  const canary = deployment({ name: 'web-canary', labels: '{app: web}', matchLabels: true, replicas: 1, ports: [{ name: 'web', containerPort: 9090 }] });
  const md = hover(LB, 'Service', { others: { ...others, 'file:///workspace/canary.yaml': canary } });
  assert.match(thisServiceOf(md), /→ port `http` \(8080 in Deployment `web`; not declared in 1 other workload\)$/m);
  assert.match(thisServiceOf(md), /^- Pods: the 3 pods of Deployment `web` and the 1 pod of Deployment `web-canary` \(all labelled `app=web`\)$/m);
});

test('template files explain the type without quoting unrendered values', () => {
  const text = NODEPORT.replace('nodePort: 30007', 'nodePort: {{ .Values.nodePort }}');
  const md = hover(text, 'NodePort', { others });
  assert.match(md, /^\*\*Service `web`\*\* · `type: NodePort`: a cluster IP, plus the same port opened on every node\./);
  assert.doesNotMatch(md, /\n- /, 'no per-port lines from unrendered values');
  assert.match(md, /template syntax/);
  assert.match(md, /\[Compare Service types\]/);
});

test('a type that is not a plain string is not mistaken for the ClusterIP default', () => {
  const numeric = NODEPORT.replace('type: NodePort', 'type: 5');
  const md = hover(numeric, 'type:', { others });
  assert.ok(md.startsWith('**Service `web`** · `type`: '), md);
  assert.doesNotMatch(md, /type: ClusterIP/);
  assert.doesNotMatch(md, /\n- /);
  const templated = hover(NODEPORT.replace('type: NodePort', 'type: {{ .Values.type }}'), 'type:', { others });
  assert.match(templated, /template syntax/);
  assert.doesNotMatch(templated, /type: ClusterIP/);
});

test('a nodePort outside the range is called rejected before the path is described', () => {
  const md = hover(service('  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 8080\n'), 'NodePort');
  assert.match(
    thisServiceOf(md),
    /^- \*\*Rejected as written:\*\* node port 8080 is outside 30000-32767; the lines below assume it were accepted\.\n- `<NodeIP>:8080` on any node/,
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
    assert.match(md, /^(.*\n\n)?\*\*Service `web`\*\* · `type: ClusterIP`: a virtual IP reachable only inside the cluster\./, md);
    assert.doesNotMatch(md, /30007/);
  }
});

test('inside a block kubectl drops, the hover names the outermost repeated key', () => {
  const twice = `${NODEPORT}  ports:\n    - port: 81\n`;
  const md = hover(twice, 'nodePort', { others });
  assert.ok(md.startsWith('**Ignored by kubectl:** `spec.ports` is set again later in the same mapping'), md);
  assert.ok(!hover(twice, 'port: 81', { others }).includes('Ignored by kubectl'));
});
