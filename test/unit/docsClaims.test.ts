// The corrected claims of issue "Explanations to correct" as users read them outside hovers and the diagram: docs
// pages, README, package.json, rule messages and refactoring titles. The old wrong sentences must be gone everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { analyzeFile } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { ALL_RULES } from '../../server/src/rules';
import { PRESERVE_SOURCE_IP_TITLE } from '../../server/src/kubernetes/serviceEdits';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
/** Markdown wraps lines; claims are compared with whitespace collapsed. */
const flat = (file: string) => read(file).replace(/\s+/g, ' ');

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...filesUnder(rel, ext));
    else if (ext.test(name)) out.push(rel);
  }
  return out;
}

function findings(text: string, ruleId: string) {
  const workspace = new WorkspaceIndex();
  const file = parseFile('file:///workspace/test.yaml', text);
  workspace.set(file);
  return analyzeFile(file, workspace, DEFAULT_SETTINGS, ALL_RULES).filter((f) => f.ruleId === ruleId);
}

test('the wrong sentences appear nowhere users read them', () => {
  const wrong = [
    /clients connect to them directly on port \$\{listen\}/, // item 1
    /published in DNS SRV records; clients connect to the pods directly/, // item 1
    /ignored, a headless Service does not proxy/, // item 1
    /must send the traffic straight to/, // item 3
    /must route to the pods directly/, // item 3
    /allows since 1\.26/, // item 4
    /stable since Kubernetes 1\.26/, // item 4
    /so it is never looked up/, // item 5
    /'Nodes with a ready pod'/, // item 7
    /only nodes running one of its pods receive external traffic/, // item 8
    /Ports with different protocols \(TCP and UDP\) may share a node port/, // item 9
    /Since Kubernetes 1\.29 the/, // item 10
    /cloud load balancers are billed resources/, // item 12
    /minikube needs `minikube tunnel`/, // item 12
  ];
  const files = [...filesUnder('server/src', /\.ts$/), ...filesUnder('docs', /\.md$/), 'README.md', 'package.json'];
  for (const file of files) {
    const text = read(file).replace(/\s+/g, ' ');
    for (const claim of wrong) assert.doesNotMatch(text, claim, `${file} still says ${claim}`);
  }
});

test('items 1-7: docs/hovers.md states the corrected behaviour', () => {
  const hovers = flat('docs/hovers.md');
  assert.match(
    hovers,
    /A headless Service has no proxy: clients connect to the pod IPs on the target port, which the EndpointSlices carry and DNS SRV records publish; its `port` is not used for traffic\./,
  );
  assert.match(
    hovers,
    /The load balancer typically forwards to them, but the provider decides: some send to the pods, or to a node with the load-balancer IP as the destination, which kube-proxy accepts with or without node ports\./,
  );
  assert.match(hovers, /one load balancer may mix TCP and UDP \(on by default since Kubernetes 1\.24, GA in 1\.26\)/);
  assert.match(hovers, /A named `targetPort` that is not a valid port name makes the API server reject the whole Service\./);
  assert.match(
    hovers,
    /Two `ipFamilies` without `ipFamilyPolicy` fail, except on a headless Service without a selector, whose policy defaults to `RequireDualStack`\./,
  );
  assert.match(hovers, /the node port is open on every node, and nodes without such a pod do not forward it\./);
  assert.match(
    flat('docs/rules/ip-family-policy-invalid.md'),
    /`RequireDualStack` fails on a single-stack cluster, except for a headless Service without a selector/,
  );
});

test('item 8: the Local refactoring says every node receives, only nodes with a ready pod forward', () => {
  const title = 'Preserve client source IP (externalTrafficPolicy: Local) — only nodes with a ready pod forward external traffic';
  assert.equal(PRESERVE_SOURCE_IP_TITLE, title);
  assert.ok(flat('README.md').includes(`${title}**`), 'README names the refactoring as the editor does');
  assert.ok(flat('docs/fixes.md').includes(`**${title}**`), 'docs/fixes.md names the refactoring as the editor does');
  assert.match(
    read('server/src/rules/health-check-nodeport-invalid.ts'),
    /'Set externalTrafficPolicy: Local \(only nodes with a ready pod forward external traffic\)'/,
  );
});

test('item 9: nodeport-duplicate says TCP and UDP share a node port only within one Service, and on create only with the same port', () => {
  const page = flat('docs/rules/nodeport-duplicate.md');
  assert.match(page, /Within one Service, a TCP and a UDP entry may share a node port: when the Service is created only if they also have the same `port`/);
  assert.match(page, /Two Services never share a node port, whatever their protocols/);
});

test('item 10: the reserved node-port band is alpha in 1.27, on by default in 1.28, GA in 1.29', () => {
  assert.match(
    flat('docs/rules/nodeport-hand-picked.md'),
    /Since Kubernetes 1\.28 the range is split into two bands by default \(feature gate `ServiceNodePortStaticSubrange`, KEP-3668: alpha in 1\.27, beta and on by default in 1\.28, GA in 1\.29\)/,
  );
  assert.match(read('server/src/rules/nodeport-hand-picked.ts').replace(/\s+\*\s+/g, ' '), /alpha in 1\.27, beta and on by default in 1\.28, GA in 1\.29/);
});

test('item 11: nodeport-collision inside one Service is an error on create; an update accepts different protocols', () => {
  const service = (second: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - name: a
      port: 80
      nodePort: 30080
    - name: b
      port: 81
${second}      nodePort: 30080
`;
  const [differ] = findings(service('      protocol: UDP\n'), 'nodeport-collision');
  assert.equal(
    differ.message.split('\n')[1],
    'ports[0] of this Service already asks for node port 30080; when the Service is created, two entries may share a node port only when they have the same port number (updating an existing Service accepts it, as the protocols differ), so choose another nodePort or remove it.',
  );
  const [same] = findings(service(''), 'nodeport-collision');
  assert.match(same.message, /when the Service is created, two entries may share a node port only when they have the same port number, so choose/);
  assert.match(
    flat('docs/rules/nodeport-collision.md'),
    /This error is for create: when an existing Service is updated \(`kubectl apply` to a Service already in the cluster\), `updateNodePorts` only refuses the same protocol and node port twice/,
  );
});

test('item 12: other projects are described as their docs say, with links', () => {
  const manifest = JSON.parse(read('package.json'));
  const profile = manifest.contributes.configuration.properties['kubeServiceLens.clusterProfile'];
  const local = profile.enumDescriptions[profile.enum.indexOf('local')];
  assert.equal(
    local,
    'A local cluster (kind, minikube, k3s, k3d, ...): LoadBalancer Services get an address from cloud-provider-kind on kind and from `minikube tunnel` on minikube; k3s and k3d run ServiceLB by default.',
  );
  const page = read('docs/rules/loadbalancer-pending.md');
  for (const link of [
    'https://metallb.universe.tf/configuration/',
    'https://kind.sigs.k8s.io/docs/user/loadbalancer/',
    'https://minikube.sigs.k8s.io/docs/handbook/accessing/',
    'https://docs.k3s.io/networking/networking-services',
    'https://github.com/k3d-io/k3d/blob/main/docs/usage/k3s.md',
  ]) {
    assert.ok(page.includes(link), `loadbalancer-pending.md links ${link}`);
  }
  const rule = read('server/src/rules/loadbalancer-pending.ts');
  for (const cited of [
    'metallb.universe.tf/configuration/',
    'kind.sigs.k8s.io/docs/user/loadbalancer/',
    'minikube.sigs.k8s.io/docs/handbook/accessing/',
    'docs.k3s.io/networking/',
    'k3d-io/k3d docs/usage/k3s.md',
  ]) {
    assert.ok(rule.includes(cited), `loadbalancer-pending.ts cites ${cited}`);
  }
});
