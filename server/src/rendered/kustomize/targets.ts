/**
 * Which resources a step of the build touches, and what a resource is called at each step: the name, namespace and
 * labels it has when that step runs, since inner kustomizations' prefixes and namespaces are applied before an outer
 * patch looks for its target.
 */
import { fieldOf, stringValue } from '../../document/yamlNodes';
import type { Selector } from './kustomization';
import type { SourceResource, Step } from './tree';

export interface Identity {
  kind: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
}

/** The resource's identity once the first `count` steps have run. */
export function identityAfter(resource: SourceResource, steps: readonly Step[], count: number): Identity {
  const identity: Identity = { kind: resource.kind, name: resource.name, namespace: resource.namespace, labels: { ...resource.labels } };
  for (const step of steps.slice(0, count)) {
    if (!step.scope.has(resource)) continue;
    if (step.kind === 'namespace') identity.namespace = step.entry.value;
    else if (step.kind === 'prefixSuffix' && identity.name !== undefined) {
      identity.name = `${step.prefix?.value ?? ''}${identity.name}${step.suffix?.value ?? ''}`;
    } else if (step.kind === 'labels') {
      for (const pair of step.set.pairs) if (pair.key !== undefined) identity.labels[pair.key] = pair.value;
    }
  }
  return identity;
}

/**
 * Whether a patch with this target selects the resource. Name, namespace, kind, group and version are anchored
 * regular expressions (kustomize's types.SelectorRegex), and name and namespace match the original or the current
 * one (resWrangler.Select in api/resmap/reswrangler.go); a label selector is read for equality, inequality and
 * existence, and a selector this reader cannot judge (set-based, annotations) is taken to match: the origin map then
 * checks that the patch's value is the rendered one before naming it.
 */
export function selects(selector: Selector, identity: Identity, resource: SourceResource): boolean {
  const apiVersion = stringValue(fieldOf(resource.root, 'apiVersion')?.node) ?? '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return (
    matchesPattern(selector.kind, identity.kind) &&
    (matchesPattern(selector.name, resource.name ?? '') || matchesPattern(selector.name, identity.name ?? '')) &&
    (matchesPattern(selector.namespace, resource.namespace ?? '') || matchesPattern(selector.namespace, identity.namespace ?? '')) &&
    matchesPattern(selector.group, group) &&
    matchesPattern(selector.version, version) &&
    (selector.labelSelector === undefined || labelsMatch(selector.labelSelector, identity.labels))
  );
}

function matchesPattern(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined || pattern === '') return true;
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

function labelsMatch(selector: string, labels: Record<string, string>): boolean {
  for (const requirement of selector.split(',').map((part) => part.trim())) {
    if (requirement === '') continue;
    const equality = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(requirement);
    if (equality) {
      const [, key, operator, value] = equality;
      if ((labels[key] === value) !== (operator !== '!=')) return false;
      continue;
    }
    const existence = /^(!?)\s*([^!=\s()]+)$/.exec(requirement);
    if (existence) {
      if (existence[2] in labels === (existence[1] === '!')) return false;
      continue;
    }
    // Set-based requirements (`in`, `notin`) are not judged here; see `selects`.
  }
  return true;
}
