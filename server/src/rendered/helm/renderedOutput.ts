/**
 * Reading `helm template` output. Helm prints every rendered document as `---`, then `# Source: <chart>/templates/x.yaml`
 * (pkg/action/action.go, renderResources: `fmt.Fprintf(b, "---\n# Source: %s\n%s\n", m.Name, m.Content)`), so each
 * chunk of the output names the template that wrote it; a subchart's are `<chart>/charts/<sub>/templates/x.yaml`.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileModel, PlacedChunk } from '../../kubernetes/manifest';
import type { PathSegment } from '../../kubernetes/locate';
import type { K8sObject } from '../../kubernetes/model';
import { fieldOf } from '../../document/yamlNodes';

const SOURCE_LINE = /^# Source: (.+?)\r?$/m;

/** The template a chunk of the output came from, as Helm names it (`mychart/templates/service.yaml`). */
export function sourceOf(chunk: PlacedChunk): string | undefined {
  const head = chunk.parsed.text.slice(0, 2048);
  return SOURCE_LINE.exec(head)?.[1];
}

/**
 * An object's identity across two renders of the same chart: its template, kind and place among that template's
 * objects of that kind. Names are not used: a sentinel value may well change them.
 */
export interface ObjectKey {
  source: string;
  kind: string;
  ordinal: number;
}

export function keyOf(file: FileModel, object: K8sObject): ObjectKey | undefined {
  const own = file.objects.find((entry) => entry.object === object);
  const source = own && sourceOf(own.chunk);
  if (source === undefined) return undefined;
  let ordinal = 0;
  for (const entry of file.objects) {
    if (entry.object === object) return { source, kind: object.kind, ordinal };
    if (entry.object.kind === object.kind && sourceOf(entry.chunk) === source) ordinal++;
  }
  return undefined;
}

export function objectByKey(file: FileModel, key: ObjectKey): K8sObject | undefined {
  let ordinal = 0;
  for (const entry of file.objects) {
    if (sourceOf(entry.chunk) !== key.source || entry.object.kind !== key.kind) continue;
    if (ordinal++ === key.ordinal) return entry.object;
  }
  return undefined;
}

/** The node at a field path of an object (the last of a key written twice, as kubectl keeps it). */
export function nodeAt(root: Node, path: readonly PathSegment[]): Node | undefined {
  let node: Node | null | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = isSeq(node) ? (node.items[segment] as Node | undefined) : undefined;
    else node = isMap(node) ? (fieldOf(node, segment)?.node ?? undefined) : undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The scalar at a field path as text (`9090`, `LoadBalancer`), undefined when it is not a scalar. */
export function scalarTextAt(root: Node, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(root, path);
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

/**
 * The chart-relative path of a template from Helm's name for it: `mychart/templates/svc.yaml` → `templates/svc.yaml`,
 * `mychart/charts/redis/templates/svc.yaml` → `charts/redis/templates/svc.yaml`.
 */
export function chartRelative(source: string): string | undefined {
  const slash = source.indexOf('/');
  return slash < 0 ? undefined : source.slice(slash + 1);
}
