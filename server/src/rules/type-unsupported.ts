import { apiError } from '../kubernetes/apiError';
import { SERVICE_TYPES } from '../kubernetes/model';
import { serviceRule } from '../analysis/rule';
import { decodedString } from '../kubernetes/validation/names';

/** NotSupported lists the values sorted (sets.List), which is the order kubectl prints. */
const SUPPORTED = [...SERVICE_TYPES].sort();

/**
 * ValidateService (pkg/apis/core/validation/validation.go): spec.type must be one of the four types, spelt exactly.
 * An empty or omitted type was already defaulted to ClusterIP.
 */
export const typeUnsupported = serviceRule({
  id: 'type-unsupported',
  defaultSeverity: 'error',
  description: 'spec.type is not ClusterIP, NodePort, LoadBalancer or ExternalName (the values are case-sensitive).',
  crossResource: false,
  check(service, ctx) {
    const field = service.fields.type;
    const value = decodedString(field?.node, service.doc);
    if (!field || !value || (SERVICE_TYPES as readonly string[]).includes(value)) return;
    const headless = /^(headless|none)$/i.test(value.trim());
    const suggestion = headless ? 'ClusterIP' : didYouMean(value, SERVICE_TYPES);
    const advice = headless
      ? 'There is no Headless type: a headless Service is type ClusterIP (or no type) with clusterIP: None.'
      : suggestion
        ? `Service types are case-sensitive: did you mean ${suggestion}?`
        : 'Use ClusterIP (reachable inside the cluster), NodePort (also on a port of every node), LoadBalancer (also through an external load balancer) or ExternalName (a DNS alias).';
    ctx.report({
      span: field.valueSpan,
      message: `${apiError.unsupported('spec.type', value, SUPPORTED)}\n${advice}`,
      data: { value, ...(suggestion ? { suggestion } : {}), ...(headless ? { clusterIP: 'None' } : {}) },
    });
  },
});

/**
 * The valid value the user most likely meant: same letters ignoring case and separators ("nodeport", "Load-Balancer"),
 * else the single closest value within two edits ("LoadBalencer"). Undefined when nothing is close or it is a tie.
 */
export function didYouMean(value: string, valid: readonly string[]): string | undefined {
  const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = normalize(value);
  if (wanted === '') return undefined;
  const exact = valid.find((candidate) => normalize(candidate) === wanted);
  if (exact) return exact;
  const scored = valid.map((candidate) => ({ candidate, distance: editDistance(wanted, normalize(candidate)) })).sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (!best || best.distance > 2 || best.distance >= wanted.length) return undefined;
  return second && second.distance === best.distance ? undefined : best.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
