import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitionAt } from '../../../../server/src/features/navigation/definition';
import { referencesAt } from '../../../../server/src/features/navigation/references';
import type { NavigationResult } from '../../../../server/src/features/navigation/targets';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    tier: frontend
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: metrics
      port: 9090
    - name: dns
      port: 53
      protocol: UDP
      targetPort: dns
`;

const deployment = (name: string, http: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    metadata:
      labels:
        tier: frontend
        app: web
    spec:
      containers:
        - name: app
          ports:
            - name: dns
              containerPort: 5353
              protocol: TCP
            - name: http
              containerPort: ${http}
            - containerPort: 9090
`;

const OTHER_NAMESPACE = deployment('elsewhere', 1).replace('  name: elsewhere\n', '  name: elsewhere\n  namespace: prod\n');

const files: Record<string, string> = {
  'file:///w/service.yaml': SERVICE,
  'file:///w/web.yaml': deployment('web', 8080),
  'file:///w/canary.yaml': `# canary\n---\n${deployment('canary', 8081)}`,
  'file:///w/prod.yaml': OTHER_NAMESPACE,
};

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.set(parseFile(uri, text));
  return index;
}

/** `uri:selected text` of each target, and the origin's text. */
function described(result: NavigationResult | undefined, uri: string): { origin: string; targets: string[] } | undefined {
  if (!result) return undefined;
  const text = (u: string) => files[u];
  return {
    origin: text(uri).slice(result.origin.start, result.origin.end),
    targets: result.targets.map((t) => `${t.uri.replace('file:///w/', '')}:${text(t.uri).slice(t.selectionStart, t.selectionEnd).replace(/\s+/g, ' ')}`),
  };
}

const at = (uri: string, needle: string, delta = 0) => files[uri].indexOf(needle) + delta;

function definition(needle: string, delta = 0) {
  const index = workspace();
  const uri = 'file:///w/service.yaml';
  return described(definitionAt({ uri, file: index.get(uri) as never, workspace: index }, at(uri, needle, delta)), uri);
}

function references(uri: string, needle: string, includeDeclaration = false, delta = 0) {
  const index = workspace();
  return described(referencesAt({ uri, file: index.get(uri) as never, workspace: index }, at(uri, needle, delta), includeDeclaration), uri);
}

test('definition from a selector label goes to that label in every selected workload, in any file and namespace-aware', () => {
  assert.deepEqual(definition('tier: frontend', 2), { origin: 'tier', targets: ['web.yaml:tier: frontend', 'canary.yaml:tier: frontend'] });
  assert.deepEqual(definition('app: web', 6), { origin: 'web', targets: ['web.yaml:app: web', 'canary.yaml:app: web'] });
});

test('definition from the selector key selects each workload pod labels, at the first selector label', () => {
  const result = definition('selector');
  assert.deepEqual(result?.targets, ['web.yaml:app: web', 'canary.yaml:app: web']);
});

test('definition from a named targetPort goes to the container port it resolves to, per workload', () => {
  assert.deepEqual(definition('targetPort: http', 14), { origin: 'http', targets: ['web.yaml:containerPort: 8080', 'canary.yaml:containerPort: 8081'] });
  assert.deepEqual(definition('targetPort: http'), { origin: 'targetPort', targets: ['web.yaml:containerPort: 8080', 'canary.yaml:containerPort: 8081'] });
});

test('definition follows FindPort: same name with another protocol is not a target; numbers resolve too', () => {
  assert.equal(definition('targetPort: dns', 13), undefined, 'the only `dns` port is TCP, the Service port is UDP');
  assert.equal(definition('port: 9090', 7), undefined, 'a port number is not a targetPort');
  const index = workspace();
  const uri = 'file:///w/service.yaml';
  const numbered = SERVICE.replace('    - name: metrics\n      port: 9090\n', '    - name: metrics\n      port: 9090\n      targetPort: 9090\n');
  index.set(parseFile(uri, numbered));
  const result = definitionAt({ uri, file: index.get(uri) as never, workspace: index }, numbered.indexOf('targetPort: 9090') + 13);
  assert.deepEqual(result?.targets.map((t) => `${t.uri.replace('file:///w/', '')}:${files[t.uri].slice(t.selectionStart, t.selectionEnd)}`), ['web.yaml:containerPort: 9090', 'canary.yaml:containerPort: 9090']);
});

test('no definition outside selector and targetPort, or for a selector matching nothing', () => {
  assert.equal(definition('name: web', 7), undefined);
  assert.equal(definition('port: 80', 7), undefined);
});

test('references from a workload: the selector of each Service selecting its pods', () => {
  assert.deepEqual(references('file:///w/web.yaml', 'kind: Deployment', false, 7), { origin: 'Deployment', targets: ['service.yaml:selector'] });
  assert.deepEqual(references('file:///w/web.yaml', 'app: web', true)?.targets, ['web.yaml:tier: frontend app: web', 'service.yaml:selector']);
  assert.deepEqual(references('file:///w/prod.yaml', 'kind: Deployment', false, 7)?.targets, [], 'another namespace: no Service selects it');
});

test('references from a container port: the Service ports delivering to it, by name or number and protocol', () => {
  assert.deepEqual(references('file:///w/web.yaml', 'containerPort: 8080', false, 15), { origin: '8080', targets: ['service.yaml:targetPort: http'] });
  assert.deepEqual(references('file:///w/web.yaml', 'containerPort: 9090', true, 15)?.targets, ['web.yaml:- containerPort: 9090'.replace('- ', ''), 'service.yaml:port: 9090']);
  assert.deepEqual(references('file:///w/web.yaml', 'name: dns', false, 7)?.targets, [], 'TCP dns port; the Service asks for UDP');
});

test('references on a Service give nothing (it is the referrer, not the referenced)', () => {
  assert.equal(references('file:///w/service.yaml', 'kind: Service', false, 7), undefined);
});
