/**
 * Whole Service manifests, offered at the top of an empty document. Each one passes every rule of
 * this extension with its default placeholder values (test/unit/completion/snippets.test.ts expands and checks them):
 * node ports are left to the allocator, port names are set because a second port would require them, and the
 * headless Service names its port for DNS SRV records.
 */
import type { Cursor } from './cursor';
import { sortKey, type CompletionEntry } from './types';

interface ServiceSnippet {
  label: string;
  detail: string;
  documentation: string;
  body: string[];
}

const METADATA = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: ${1:web}'];
const SELECTOR = ['  selector:', '    ${2:app}: ${3:web}'];
const HTTP_PORT = ['  ports:', '    - name: ${4:http}', '      port: ${5:80}', '      targetPort: ${6:8080}'];

const SNIPPETS: readonly ServiceSnippet[] = [
  {
    label: 'Service (NodePort)',
    detail: 'kube-service-lens',
    documentation:
      'A NodePort Service: reachable inside the cluster, and on every node at a node port Kubernetes allocates from the node-port range. Add `nodePort:` to the port to choose the number yourself.',
    body: [...METADATA, 'spec:', '  type: NodePort', ...SELECTOR, ...HTTP_PORT],
  },
  {
    label: 'Service (LoadBalancer)',
    detail: 'kube-service-lens',
    documentation:
      "A LoadBalancer Service: an external load balancer, created by the cloud provider's integration or another installed implementation, forwards `port` to the pods, usually through node ports that Kubernetes allocates for it.",
    body: [...METADATA, 'spec:', '  type: LoadBalancer', ...SELECTOR, ...HTTP_PORT],
  },
  {
    label: 'Service (headless)',
    detail: 'kube-service-lens',
    documentation:
      "A headless Service (`clusterIP: None`): no virtual IP and no proxying; the DNS name returns the ready pods' IPs, as a StatefulSet's `serviceName` needs.",
    body: [...METADATA, 'spec:', '  clusterIP: None', ...SELECTOR, '  ports:', '    - name: ${4:tcp}', '      port: ${5:5432}'],
  },
  {
    label: 'Service (ExternalName)',
    detail: 'kube-service-lens',
    documentation:
      'An ExternalName Service: a DNS alias. The cluster DNS answers the Service name with a CNAME for `externalName`; nothing is proxied and no pods are selected.',
    body: [...METADATA, 'spec:', '  type: ExternalName', '  externalName: ${2:db.example.com}'],
  },
];

/** The snippets, at the start of the first key of an otherwise empty document. */
export function snippetCompletions(cursor: Cursor, indentUnit: number): CompletionEntry[] {
  if (cursor.position !== 'key' || cursor.path.length !== 0 || cursor.objectPath.length !== 0 || cursor.column !== 0 || cursor.written) return [];
  // Only into an empty document (a new file, or after `---`): other YAML files (CI, compose) are left alone.
  if (cursor.outline.entries.some((entry) => entry !== cursor.entry)) return [];
  const indent = (line: string) => line.replace(/^( +)/, (spaces) => ' '.repeat((spaces.length / 2) * indentUnit));
  return SNIPPETS.map((snippet, i) => ({
    label: snippet.label,
    kind: 'snippet',
    detail: snippet.detail,
    documentation: `${snippet.documentation}\n\n\`\`\`yaml\n${snippet.body
      .map(indent)
      .join('\n')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')}\n\`\`\``,
    insertText: snippet.body.map(indent).join('\n'),
    snippet: true,
    filterText: `service ${snippet.label}`,
    start: cursor.start,
    end: cursor.end,
    sortText: sortKey(0, i),
  }));
}
