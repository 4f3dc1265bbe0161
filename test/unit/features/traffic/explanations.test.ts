// Traffic-diagram sentences an audit found wrong against the Kubernetes source (issue "Explanations to correct",
// items 3, 7 and 12). Each test pins the corrected label and the absence of the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeFile } from '../../../../server/src/analysis/analyze';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../../server/src/analysis/settings';
import { buildTrafficPaths } from '../../../../server/src/features/traffic/buildPaths';
import { toMermaid } from '../../../../server/src/features/traffic/mermaid';
import { ALL_RULES } from '../../../../server/src/rules';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const URI = 'file:///workspace/app.yaml';

const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
${spec}`;

function mermaid(text: string, settings: Partial<AnalysisSettings> = {}): string {
  const workspace = new WorkspaceIndex();
  const file = parseFile(URI, text);
  workspace.set(file);
  const all = { ...DEFAULT_SETTINGS, ...settings };
  const findings = analyzeFile(file, workspace, all, ALL_RULES);
  return toMermaid(buildTrafficPaths({ file, workspace, settings: all, findings }).paths).text;
}

/** Labels come escaped as Mermaid entity codes (`#58;`) with `<br/>` between lines. */
const decode = (label: string) =>
  label
    .replace(/<\/?b>/g, '')
    .replace(/<br\/>/g, '\n')
    .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

/** Every node id with its decoded label. */
function nodes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(\S+?)[[({>/]+"(.*)"[\])}\\/]+$/.exec(line);
    if (match) out.set(match[1], decode(match[2]));
  }
  return out;
}

function edges(text: string, from: string, to: string): string[] {
  const labels: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\S+) (?:-->|-\.->|-\.-)(?:\|"(.*)"\|)? (\S+)$/.exec(line);
    if (match && match[1] === from && match[3] === to) labels.push(decode(match[2] ?? ''));
  }
  return labels;
}

test('item 7: with LoadBalancer + Local every node has the node port; those without a ready pod do not forward', () => {
  const text = mermaid(service('  type: LoadBalancer\n  externalTrafficPolicy: Local\n  ports:\n    - port: 443\n      nodePort: 31443\n'), {
    clusterProfile: 'cloud',
  });
  const labels = nodes(text);
  assert.ok(![...labels.values()].some((label) => label.startsWith('Nodes with a ready pod')), [...labels.values()].join('\n---\n'));
  assert.equal(labels.get('s0_l0_np'), 'Every node\nNodeIP:31443\na node without a ready pod does not forward');
  // The load balancer's health check is what steers traffic to nodes with a ready pod.
  assert.match(labels.get('s0_lb') ?? '', /health check on a node port from 30000-32767\npasses only where a ready pod runs/);
  assert.deepEqual(edges(text, 's0_lb', 's0_l0_np'), [':443 usually to node port 31443, healthy nodes only']);
});

test('item 3: without node ports the load balancer may deliver to the LB IP on a node, which kube-proxy accepts', () => {
  const text = mermaid(service('  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n  ports:\n    - port: 80\n'));
  assert.deepEqual(edges(text, 's0_lb', 's0_l0_pod'), ['straight to pod IPs, where the implementation supports it']);
  assert.deepEqual(edges(text, 's0_lb', 's0_l0_kp'), ['or to a node, addressed to the LB IP :80']);
  const local = mermaid(service('  type: LoadBalancer\n  allocateLoadBalancerNodePorts: false\n  externalTrafficPolicy: Local\n  ports:\n    - port: 80\n'));
  assert.deepEqual(edges(local, 's0_lb', 's0_l0_kp'), ['or to a node, addressed to the LB IP :80, healthy nodes only']);
});

test('item 12: the local-cluster note names what each distribution uses, and the labels cite their sources', () => {
  const labels = nodes(mermaid(service('  type: LoadBalancer\n  ports:\n    - port: 80\n'), { clusterProfile: 'local' }));
  assert.match(labels.get('s0_lb') ?? '', /\nfrom minikube tunnel, cloud-provider-kind, k3s ServiceLB or similar\n/);
  assert.doesNotMatch(labels.get('s0_lb') ?? '', /needs minikube tunnel/);
  const code = readFileSync(path.join(ROOT, 'server', 'src', 'features', 'traffic', 'labels.ts'), 'utf8');
  for (const cited of [
    'minikube.sigs.k8s.io/docs/handbook/accessing/',
    'kind.sigs.k8s.io/docs/user/loadbalancer/',
    'docs.k3s.io/networking/networking-services',
    'metallb.universe.tf/configuration/',
  ]) {
    assert.ok(code.includes(cited), `labels.ts cites ${cited}`);
  }
});
