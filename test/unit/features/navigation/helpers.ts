import { definitionAt } from '../../../../server/src/features/navigation/definition';
import { referencesAt } from '../../../../server/src/features/navigation/references';
import type { NavigationResult } from '../../../../server/src/features/navigation/targets';
import { deployment } from '../../../kit/manifests';
import { offsetOf } from '../../../kit/markers';
import { workspace, type TestWorkspace } from '../../../kit/workspace';

export const SERVICE_URI = 'file:///w/service.yaml';

export const SERVICE = `apiVersion: v1
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

/** Pods labelled like SERVICE selects, with a TCP `dns` port (the Service asks for UDP) and an unnamed 9090. */
const pods = (name: string, http: number, namespace?: string) =>
  deployment({
    name,
    namespace,
    labels: { tier: 'frontend', app: 'web' },
    ports: [{ name: 'dns', containerPort: 5353, protocol: 'TCP' }, { name: 'http', containerPort: http }, { containerPort: 9090 }],
  });

/** The Service, two workloads it selects (one after a comment document) and one in another namespace. */
export function navigationWorkspace(service = SERVICE): TestWorkspace {
  return workspace({
    [SERVICE_URI]: service,
    'file:///w/web.yaml': pods('web', 8080),
    'file:///w/canary.yaml': `# canary\n---\n${pods('canary', 8081)}`,
    'file:///w/prod.yaml': pods('elsewhere', 1, 'prod'),
  });
}

/** `file:selected text` of each target (whitespace runs as one space), and the origin's text. */
function described(files: TestWorkspace, result: NavigationResult | undefined, uri: string): { origin: string; targets: string[] } | undefined {
  if (!result) return undefined;
  return {
    origin: files.text(uri).slice(result.origin.start, result.origin.end),
    targets: result.targets.map((t) => `${t.uri.replace('file:///w/', '')}:${files.text(t.uri).slice(t.selectionStart, t.selectionEnd).replace(/\s+/g, ' ')}`),
  };
}

/** Go to definition `delta` characters into the first `needle` of the Service. */
export function definition(needle: string, delta = 0, service = SERVICE) {
  const files = navigationWorkspace(service);
  return described(files, definitionAt(files.env(SERVICE_URI), offsetOf(service, needle) + delta), SERVICE_URI);
}

/** Find references `delta` characters into the first `needle` of the file at `uri`. */
export function references(uri: string, needle: string, includeDeclaration = false, delta = 0) {
  const files = navigationWorkspace();
  return described(files, referencesAt(files.env(uri), offsetOf(files.text(uri), needle) + delta, includeDeclaration), uri);
}
