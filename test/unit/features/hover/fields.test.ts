import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, documents } from '../../../kit/manifests';
import { lineOf } from '../../../kit/markers';
import { hereOf, hover, hoverResult } from './helpers';

/** A Service whose spec lines are `spec`; hovers are taken on a needle inside it. */
const service = (type: string, spec: string, ports = '  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
${spec}${ports}`;

interface FieldCase {
  field: string;
  type: string;
  spec: string;
  /** Needle to hover (defaults to the field name). */
  at?: string;
  here: RegExp;
  /** Also checked somewhere in the hover: the default and what other values do. */
  body?: RegExp[];
  /** One of our diagnostics lies on the hovered key: only the lead line and the links. */
  brief?: boolean;
}

const CASES: FieldCase[] = [
  {
    field: 'clusterIP',
    type: 'ClusterIP',
    spec: '  clusterIP: 10.96.0.50\n',
    here: /^`10\.96\.0\.50`: must lie inside the service CIDR and be unused/,
    body: [/Default:\*\* empty: Kubernetes allocates a free IP/, /`None` makes the Service headless/],
  },
  { field: 'clusterIP', type: 'ClusterIP', spec: '  clusterIP: None\n', here: /^`None`: headless\. No virtual IP/ },
  { field: 'clusterIP', type: 'ExternalName', spec: '  clusterIP: 10.0.0.1\n  externalName: a.example.com\n', here: /rejects this field/ },
  {
    field: 'externalTrafficPolicy',
    type: 'NodePort',
    spec: '  externalTrafficPolicy: Local\n',
    here: /^`Local`: outside traffic only reaches pods on the node it arrives at, with the client IP intact\./,
    body: [
      /Default:\*\* `Cluster` for NodePort and LoadBalancer Services/,
      /`Cluster` spreads load well but may add a second hop and hides the client IP/,
      /`Local` keeps the client IP with no second hop, but a node without a ready pod drops the traffic and load can be uneven/,
    ],
  },
  {
    field: 'externalTrafficPolicy',
    type: 'ClusterIP',
    spec: '  externalTrafficPolicy: Local\n',
    here: /receives no outside traffic, and the API server rejects the field \(`may only be set for externally-accessible services`\)/,
  },
  {
    field: 'internalTrafficPolicy',
    type: 'ClusterIP',
    spec: '  internalTrafficPolicy: Local\n',
    here: /^`Local`$/,
    body: [/Default:\*\* `Cluster`/, /when that node has none, kube-proxy drops the traffic/],
  },
  {
    field: 'sessionAffinity',
    type: 'ClusterIP',
    spec: '  sessionAffinity: ClientIP\n',
    here: /^`ClientIP`: a client IP sticks to its pod for 10800 seconds \(default, 3 hours\)\./,
    body: [/Default:\*\* `None`/],
  },
  {
    field: 'sessionAffinity',
    type: 'ClusterIP',
    spec: '  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 600\n',
    here: /sticks to its pod for 600 seconds\.$/,
  },
  {
    field: 'sessionAffinityConfig',
    at: 'timeoutSeconds',
    type: 'ClusterIP',
    spec: '  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 90000\n',
    here: /^90000 is rejected: the timeout must be greater than 0 and at most 86400/,
  },
  {
    field: 'sessionAffinityConfig',
    type: 'ClusterIP',
    spec: '  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 60\n',
    here: /ignored: `sessionAffinity` is not `ClientIP`/,
  },
  {
    field: 'loadBalancerSourceRanges',
    type: 'LoadBalancer',
    spec: '  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n    - 198.51.100.7/32\n',
    here: /^only `203\.0\.113\.0\/24` and `198\.51\.100\.7\/32` may connect through the load balancer\./,
    body: [/kube-proxy enforces them only for traffic addressed to the load balancer's IP; it does not apply them to node ports/],
  },
  {
    field: 'loadBalancerSourceRanges',
    type: 'NodePort',
    spec: '  loadBalancerSourceRanges: [10.0.0.0/8]\n',
    here: /^not used: this Service is `type: NodePort`, and the API server rejects `spec\.loadBalancerSourceRanges` unless the type is LoadBalancer/,
  },
  {
    field: 'loadBalancerClass',
    type: 'LoadBalancer',
    spec: '  loadBalancerClass: example.com/internal-vip\n',
    here: /^`example\.com\/internal-vip`$/,
    body: [/ignores Services that set a class/, /cannot be changed once set/],
  },
  {
    field: 'allocateLoadBalancerNodePorts',
    type: 'LoadBalancer',
    spec: '  allocateLoadBalancerNodePorts: true\n',
    here: /^`true`: every port gets a node port from 30000-32767\./,
  },
  {
    field: 'allocateLoadBalancerNodePorts',
    type: 'LoadBalancer',
    spec: '  allocateLoadBalancerNodePorts: false\n',
    ports: '  ports:\n    - name: a\n      port: 80\n      nodePort: 30080\n    - name: b\n      port: 81\n',
    here: /^`false`: only the node ports written explicitly \(`30080`\) are allocated; the load balancer must send to the pods directly, or to a node with its own IP as the destination, which kube-proxy accepts\./,
    body: [/does not release node ports it already has/],
  } as FieldCase & { ports: string },
  {
    field: 'healthCheckNodePort',
    type: 'LoadBalancer',
    spec: '  externalTrafficPolicy: Local\n  healthCheckNodePort: 32100\n',
    here: /^32100\.$/,
    body: [/answers the load balancer's health checks \(`\/healthz`\)/],
  },
  {
    field: 'healthCheckNodePort',
    type: 'LoadBalancer',
    spec: '  externalTrafficPolicy: Local\n  healthCheckNodePort: 40000\n',
    here: /^40000 is outside 30000-32767: creating the Service fails/,
  },
  {
    field: 'healthCheckNodePort',
    type: 'NodePort',
    spec: '  externalTrafficPolicy: Local\n  healthCheckNodePort: 32100\n',
    here: /needs `type: LoadBalancer` and `externalTrafficPolicy: Local`, and the API server rejects it otherwise/,
  },
  {
    field: 'externalName',
    type: 'ExternalName',
    spec: '  externalName: db.example.com\n',
    here: /^`web` resolves to `db\.example\.com`\.$/,
    body: [/IPv4 address is accepted but treated as a name/],
  },
  {
    field: 'externalName',
    type: 'ClusterIP',
    spec: '  externalName: db.example.com\n',
    here: /ignored: this Service is `type: ClusterIP` \(the API server warns `spec\.externalName is ignored when spec\.type is not "ExternalName"`\)/,
  },
  {
    field: 'externalIPs',
    type: 'ClusterIP',
    spec: '  externalIPs:\n    - 198.51.100.32\n',
    here: /^clients may connect to `198\.51\.100\.32:80`; `externalTrafficPolicy` applies/,
    // The key carries external-ips-deprecated's warning (which names CVE-2020-8554), so the hover is brief.
    brief: true,
  },
  {
    field: 'ipFamilies',
    type: 'ClusterIP',
    spec: '  ipFamilies: [IPv4, IPv6]\n',
    here: /^`IPv4` and `IPv6`: two families need `ipFamilyPolicy` `PreferDualStack` or `RequireDualStack`, or creation fails\./,
  },
  {
    field: 'ipFamilyPolicy',
    type: 'ClusterIP',
    spec: '  ipFamilyPolicy: PreferDualStack\n',
    here: /^`PreferDualStack`$/,
    body: [/Default:\*\* `SingleStack`/, /`RequireDualStack`: both, or creation fails on a single-stack cluster/],
  },
  {
    field: 'publishNotReadyAddresses',
    type: 'ClusterIP',
    spec: '  publishNotReadyAddresses: true\n',
    here: /^`true`$/,
    body: [/StatefulSet's headless Service/],
  },
  {
    field: 'trafficDistribution',
    type: 'ClusterIP',
    spec: '  trafficDistribution: PreferSameZone\n',
    here: /^`PreferSameZone`$/,
    body: [/`PreferClose` is its older, deprecated alias/, /`PreferSameNode` \(1\.34\+\)/, /A `Local` traffic policy takes precedence/],
  },
];

for (const c of CASES) {
  test(`spec.${c.field} (${c.type}, ${c.spec.trim().split('\n')[0]})`, () => {
    const text = service(c.type, c.spec, (c as { ports?: string }).ports);
    const md = hover(text, c.at ?? `${c.field}:`);
    assert.ok(md.startsWith(`**\`spec.${c.field}\`**`), md);
    assert.match(hereOf(md).trim(), c.here);
    for (const body of c.body ?? []) assert.match(md, body);
    if (c.brief) assert.equal(md.split('\n\n').length, 2, `a field with a diagnostic gets its lead line and links only:\n${md}`);
    assert.match(md, /\]\(https:\/\/kubernetes\.io\/docs\//, 'links to kubernetes.io');
  });
}

test('defaults show when the field is only hovered on an implied value', () => {
  const text = service('NodePort', '  sessionAffinity: None\n');
  assert.equal(hereOf(hover(text, 'sessionAffinity:')).trim(), '`None`');
});

test('selector lists the matching workloads with file and line, and says when nothing matches', () => {
  const web = deployment({ name: 'web', labels: '{app: web}', matchLabels: true, replicas: 3, ports: [{ containerPort: 8080 }] });
  const other = deployment({ name: 'api', labels: '{app: api}', matchLabels: true, replicas: 2, ports: [{ containerPort: 9090 }] });
  const text = service('ClusterIP', '');
  const file = documents(other, web);
  // 1-based line of the second Deployment's `kind`, where the link must point.
  const line = lineOf(file, 'kind: Deployment', 1) + 1;
  const md = hover(text, 'app: web', { others: { 'file:///workspace/deploy.yaml': file } });
  assert.ok(
    hereOf(md).includes(
      `\`app=web\` selects 1 workload:\n  - the 3 pods of Deployment \`web\` · [deploy.yaml:${line}](file:///workspace/deploy.yaml#L${line})`,
    ),
    hereOf(md),
  );
  assert.match(md, /not with the workload's own `metadata\.labels`/);
  const none = hover(text, 'selector:', { others: { 'file:///workspace/deploy.yaml': other } });
  assert.match(hereOf(none), /`app=web` matches no workload in the workspace/);
});

test('a workload in another namespace is not selected', () => {
  const web = deployment({ name: 'web', namespace: 'other', labels: '{app: web}', matchLabels: true, replicas: 3, ports: [{ containerPort: 8080 }] });
  const md = hover(service('ClusterIP', ''), 'selector:', { others: { 'file:///workspace/deploy.yaml': web } });
  assert.match(hereOf(md), /matches no workload in the workspace/);
});

test('fields outside spec and unknown spec fields have no hover', () => {
  const text = service('ClusterIP', '  unknownField: 1\n');
  assert.equal(hoverResult(text, 'unknownField'), undefined);
  assert.equal(hoverResult(service('ClusterIP', '  constructor: 1\n  toString: 2\n'), 'constructor'), undefined);
  assert.equal(hoverResult(service('ClusterIP', '', '  ports:\n    - port: 80\n      constructor: x\n'), 'constructor'), undefined);
  assert.equal(hoverResult(text, 'name: web'), undefined);
});
