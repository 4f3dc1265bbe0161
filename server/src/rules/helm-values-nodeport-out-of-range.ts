import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { defineRule } from '../analysis/rule';
import { formatPortRange, type PortRange } from '../analysis/settings';
import { fieldsOf, spanOf, type Span } from '../document/yamlNodes';

/** Helm values files: `values.yaml`, `values-prod.yaml`, `ci/18-scrape-configs-values.yaml`, `values.dev.yml`. */
const VALUES_FILE = /(?:^|[/_.-])values(?:[_.-][^/]*)?\.ya?ml$/i;
/** A key naming a Service section of a chart's values: `service`, `controller.service`, `metricsService`, `services`. */
const SERVICE_KEY = /services?$/i;
const NODE_PORT_KEYS = new Set(['nodePort', 'healthCheckNodePort']);

interface Hit {
  path: string;
  key: string;
  value: number;
  span: Span;
}

/**
 * Charts copy `service.nodePort` (or the entries of `service.nodePorts`) into the Service they render, and
 * kube-apiserver rejects a node port outside --service-node-port-range when it allocates it (initNodePorts in
 * pkg/registry/core/service/storage/alloc.go; the health-check port likewise in allocHealthCheckNodePort). The values
 * file is where the mistake is made, e.g. `--set server.service.nodePort=9090`, so it is reported there. Values are
 * not Kubernetes objects, and a chart may ignore a value (for a ClusterIP Service), hence a warning, not an error.
 */
export const helmValuesNodePortOutOfRange = defineRule<{ path: string; value: number; range: PortRange }>({
  id: 'helm-values-nodeport-out-of-range',
  defaultSeverity: 'warning',
  description: 'A Helm values file sets a Service node port outside the node-port range, so the Service the chart renders would be rejected.',
  crossResource: false,
  partialSafe: false,
  checkChunk(chunk, ctx) {
    if (!VALUES_FILE.test(ctx.uri) || chunk.objects.length > 0) return;
    const range = ctx.settings.nodePortRange;
    const rangeText = formatPortRange(range);
    for (const doc of chunk.docs) {
      if (doc.errors.some((error) => error.code !== 'DUPLICATE_KEY')) continue;
      for (const hit of nodePortsOutOfRange(doc.contents as Node | null, range)) {
        const where = hit.key === 'healthCheckNodePort' ? 'a LoadBalancer Service with externalTrafficPolicy: Local' : 'a NodePort or LoadBalancer Service';
        ctx.report({
          span: hit.span,
          message:
            `${hit.path}: ${hit.value} is outside the node-port range ${rangeText}.\n` +
            `If the chart puts this value into ${where}, the API server rejects that Service: use a port from ${rangeText}, or leave it empty so Kubernetes allocates one.`,
          data: { path: hit.path, value: hit.value, range },
        });
      }
    }
  },
});

/** Integer node ports under a Service section (`nodePort`, `healthCheckNodePort`, anything under `nodePorts`). */
function nodePortsOutOfRange(root: Node | null, range: PortRange): Hit[] {
  const hits: Hit[] = [];
  const visit = (node: Node | null, path: string, key: string, inService: boolean, inNodePorts: boolean) => {
    if (isMap(node)) {
      // Helm reads values files with sigs.k8s.io/yaml too: of a key written twice, only the last value reaches a template.
      for (const field of fieldsOf(node)) {
        if (typeof field.keyNode.value !== 'string' && typeof field.keyNode.value !== 'number') continue;
        const child = field.key;
        const childPath = path === '' ? child : `${path}.${child}`;
        visit(field.node, childPath, child, inService || SERVICE_KEY.test(child), inNodePorts || (inService && child === 'nodePorts'));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node | null, `${path}[${i}]`, key, inService, inNodePorts));
    } else if (isScalar(node) && inService && (inNodePorts || NODE_PORT_KEYS.has(key))) {
      const value = portNumber(node.value);
      const span = spanOf(node);
      if (value !== undefined && value !== 0 && (value < range.first || value > range.last) && span) hits.push({ path, key, value, span });
    }
  };
  visit(root, '', '', false, false);
  return hits;
}

/** A whole number as written (`9090`, or `"9090"`, which a template prints as the same number); anything else is no port. */
function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  return typeof value === 'string' && /^-?\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
