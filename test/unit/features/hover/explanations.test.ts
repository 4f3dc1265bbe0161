// Hover sentences an audit found wrong against the Kubernetes source (issue "Explanations to correct", items 1-6, 11
// and 12). Each test pins the corrected claim and the absence of the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../../server/src/analysis/settings';
import { hoverAt } from '../../../../server/src/features/hover';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const URI = 'file:///workspace/service.yaml';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  replicas: 3
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: app
          image: example/db:1
          ports:
            - name: pg
              containerPort: 5432
`;

const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${spec}`;

/** The hover Markdown at the first `needle` of `text`, with the Deployment above in the workspace. */
function hover(text: string, needle: string, settings: Partial<AnalysisSettings> = {}): string {
  const workspace = new WorkspaceIndex();
  const file = parseFile(URI, text);
  workspace.set(file);
  workspace.set(parseFile('file:///workspace/db.yaml', DEPLOYMENT));
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `needle ${needle} not in text`);
  const result = hoverAt({ uri: URI, file, workspace, settings: { ...DEFAULT_SETTINGS, ...settings } }, at);
  assert.ok(result, `no hover at ${needle}`);
  return result.markdown;
}

/** A field hover's value here: its lead line after the field name. */
function here(markdown: string): string {
  const lead = /^\*\*`[^`]+`\*\*: /.exec(markdown);
  assert.ok(lead, markdown);
  const end = markdown.indexOf('\n\n', lead[0].length);
  return markdown.slice(lead[0].length, end < 0 ? undefined : end);
}

/** The Service types page the `type` hover links to, with the comparison that used to be in every hover. */
const page = () => readFileSync(path.join(ROOT, 'docs', 'service-types.md'), 'utf8');

const source = (file: string) => readFileSync(path.join(ROOT, 'server', 'src', 'features', 'hover', file), 'utf8');

const HEADLESS = service(`  clusterIP: None
  selector: {app: db}
  ports:
    - name: sql
      port: 80
      targetPort: 8080
`);

test('item 1: a headless Service is reached on the target port, which SRV records publish, not on `port`', () => {
  const typeHover = hover(HEADLESS, 'Service');
  assert.match(typeHover, /pod IPs directly, on port 8080, the target port, not 80 \(TCP\)/);
  assert.match(typeHover, /headless: no cluster IP, DNS returns the ready pods' IPs and nothing proxies/);
  assert.doesNotMatch(typeHover, /directly, on port 80\b/);
  const portHere = here(hover(HEADLESS, 'port: 80'));
  assert.match(
    portHere,
    /^80, not used for traffic: clients connect to the pod IPs directly on the target port, port 8080; for a named port, DNS SRV records publish that one too\./,
  );
  assert.doesNotMatch(portHere, /published in DNS SRV records/);
  const targetHere = here(hover(HEADLESS, 'targetPort'));
  assert.match(
    targetHere,
    /^`8080`: clients connect to the pod IPs on this port themselves \(headless, no proxy\); the EndpointSlices carry it, and DNS SRV records publish it for a named port/,
  );
  assert.doesNotMatch(targetHere, /ignored/);
  // A named targetPort resolves through the selected pods, as the EndpointSlice controller does.
  const named = HEADLESS.replace('targetPort: 8080', 'targetPort: pg');
  assert.match(hover(named, 'Service'), /directly, on port 5432 \(`pg`\), the target port, not 80 /);
  assert.match(source('servicePath.ts'), /staging\/src\/k8s\.io\/endpointslice\/utils\.go getEndpointPorts/);
  assert.match(source('servicePath.ts'), /plugin\/kubernetes\/kubernetes\.go findServices/);
});

test('item 2: a load balancer typically, not always, forwards to the node port', () => {
  const lb = service('  type: LoadBalancer\n  selector: {app: db}\n  ports:\n    - port: 80\n      targetPort: pg\n      nodePort: 30007\n');
  const typeHover = hover(lb, 'LoadBalancer');
  assert.match(typeHover, /an external load balancer, typically forwarding to node ports on every node/);
  assert.match(typeHover, /load balancer port 80 \(TCP\) → node port 30007 → port 5432/);
  assert.doesNotMatch(typeHover, /; it forwards to node port/);
  const allocated = hover(lb.replace('      nodePort: 30007\n', ''), 'LoadBalancer');
  assert.match(allocated, /load balancer port 80 \(TCP\) → an allocated node port → port 5432/);
});

test('item 3: without node ports the load balancer may also send to the LB IP on a node, which kube-proxy accepts', () => {
  const lb = service('  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n  selector: {app: db}\n  ports:\n    - port: 80\n      targetPort: pg\n');
  const typeHover = hover(lb, 'LoadBalancer');
  assert.match(typeHover, /an external load balancer, with no node ports allocated/);
  assert.match(typeHover, /load balancer port 80 \(TCP\) → the pods or a node directly \(no node port\) → port 5432/);
  assert.doesNotMatch(typeHover, /must send the traffic straight to/);
  const field = hover(lb, 'allocateLoadBalancerNodePorts');
  assert.match(here(field), /the load balancer must send to the pods directly, or to a node with its own IP as the destination, which kube-proxy accepts\./);
  assert.doesNotMatch(field, /must route to the pods directly|only works with load balancers that route traffic straight to pods/);
  assert.match(source('lbFields.ts'), /Capture\n \*\s+load-balancer ingress/);
});

test('item 4: mixed-protocol load balancers are on by default since 1.24 and GA in 1.26', () => {
  const mixed = service(
    '  type: LoadBalancer\n  selector: {app: db}\n  ports:\n    - name: web\n      port: 80\n    - name: dns\n      port: 53\n      protocol: UDP\n',
  );
  const protocol = here(hover(mixed, 'protocol'));
  assert.match(protocol, /which Kubernetes allows by default since 1\.24 \(GA in 1\.26\)/);
  assert.doesNotMatch(protocol, /allows since 1\.26/);
  assert.match(page(), /mix protocols such as TCP and UDP \(on by default since Kubernetes 1\.24, GA\s+in 1\.26\)/);
  assert.doesNotMatch(page(), /stable since Kubernetes 1\.26/);
});

test('item 5: an invalid targetPort name makes the API server reject the Service', () => {
  const bad = service('  selector: {app: db}\n  ports:\n    - port: 80\n      targetPort: bad_name\n');
  const targetHere = here(hover(bad, 'targetPort'));
  assert.match(targetHere, /`bad_name` is not a valid port name \(IANA_SVC_NAME\), so the API server rejects the Service\./);
  assert.doesNotMatch(targetHere, /never looked up/);
});

test('item 6: two ipFamilies without a policy are fine on a headless Service without a selector', () => {
  const selectorless = service('  clusterIP: None\n  ipFamilies: [IPv4, IPv6]\n  ports:\n    - port: 80\n');
  const families = hover(selectorless, 'ipFamilies');
  assert.equal(here(families).trim(), '`IPv4` and `IPv6`.');
  assert.match(families, /A family the cluster does not serve makes creation fail, except for a headless Service without a selector\./);
  assert.match(
    here(hover(selectorless.replace('  ipFamilies: [IPv4, IPv6]\n', '  ipFamilies: [IPv4, IPv6]\n  ipFamilyPolicy: SingleStack\n'), 'ipFamilies')),
    /or creation fails/,
  );
  // Everywhere else the omitted policy is SingleStack, which refuses two families.
  const clusterIP = service('  selector: {app: db}\n  ipFamilies: [IPv4, IPv6]\n  ports:\n    - port: 80\n');
  assert.match(here(hover(clusterIP, 'ipFamilies')), /two families need `ipFamilyPolicy` `PreferDualStack` or `RequireDualStack`, or creation fails/);
  assert.match(source('fields.ts'), /alloc\.go initIPFamilyFields/);
});

test('item 11: two ports of one Service sharing a node port fail on create; an update accepts different protocols', () => {
  const text = service(
    '  type: NodePort\n  selector: {app: db}\n  ports:\n    - name: a\n      port: 80\n      nodePort: 30007\n    - name: b\n      port: 81\n      protocol: UDP\n      nodePort: 30007\n',
  );
  const nodePort = here(hover(text, 'nodePort'));
  assert.match(
    nodePort,
    /Also requested by port 81 of this Service: creating the Service fails with `provided port is already allocated` \(an update of the existing Service accepts it, as the protocols differ\)\./,
  );
  assert.doesNotMatch(nodePort, /only one can have it/);
  const sameProtocol = here(hover(text.replace('      protocol: UDP\n', ''), 'nodePort'));
  assert.match(sameProtocol, /creating the Service fails with `provided port is already allocated`\./);
  assert.doesNotMatch(sameProtocol, /update/);
});

test('item 12: claims about other projects are worded as their docs say and cite them in the code', () => {
  const lb = service('  type: LoadBalancer\n  selector: {app: db}\n  ports:\n    - port: 80\n');
  // On `type` the local profile's loadbalancer-pending notice makes the hover brief; `kind: Service` has the summary.
  const local = hover(lb, 'Service', { clusterProfile: 'local' });
  assert.match(local, /`minikube tunnel`, cloud-provider-kind on kind, ServiceLB \(on by default\) on k3s and k3d\./);
  const table = page();
  assert.match(table, /on AWS and Google Cloud load balancers are charged by the hour/);
  assert.doesNotMatch(table, /billed resources/);
  const servicePath = source('servicePath.ts');
  for (const cited of [
    'minikube.sigs.k8s.io/docs/handbook/accessing/',
    'kind.sigs.k8s.io/docs/user/loadbalancer/',
    'docs.k3s.io/networking/',
    'k3d-io/k3d docs/usage/k3s.md',
    'metallb.universe.tf/configuration/',
  ]) {
    assert.ok(servicePath.includes(cited), `servicePath.ts cites ${cited}`);
  }
  for (const cited of ['aws.amazon.com/elasticloadbalancing/pricing/', 'cloud.google.com/load-balancing/pricing']) {
    assert.ok(source('types.ts').includes(cited), `types.ts cites ${cited}`);
    assert.ok(page().includes(cited), `docs/service-types.md cites ${cited}`);
  }
});
