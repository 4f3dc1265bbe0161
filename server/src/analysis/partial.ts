/**
 * Objects the file shows only part of, which must not be judged as if they were whole:
 *
 * - Kustomize patches. A strategic-merge patch is a partial object: `kustomize build` merges it into a base, so
 *   a patch Service without `ports` or `selector`, or with `nodePort` but no `type`, is normal. A file is a patch
 *   when a kustomization in the workspace lists it under `patches` (`path:`), `patchesStrategicMerge` or
 *   `patchesJson6902`; when it uses patch directives (`$patch: delete`, `$setElementOrder/...`); or when a Service
 *   without ports and without selector sits in a folder that has a kustomization (a complete Service that way
 *   would be rejected or useless anyway, so nothing real is lost).
 * - Objects with YAML merge keys (`<<: *base`). kubectl's YAML decoder (go-yaml, via sigs.k8s.io/yaml) copies the
 *   merged mapping's keys in, but our model reads only keys written in place, so `type`, `ports` or `selector` may
 *   come from the anchor without the model seeing them.
 *
 * For such objects only the rules marked `partialSafe` run: each judges a value that is written in place, by
 * itself, the same whatever the rest of the final object holds. Rules about something missing, about how fields
 * combine (type-dependent fields) or about other objects stay silent: silent rather than wrong.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { K8sObject } from '../kubernetes/model';
import { isService } from '../kubernetes/model';
import type { FileModel } from '../kubernetes/manifest';
import { isPatch } from '../kubernetes/schema/walk';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import { asMap, asSeq, fieldOf } from '../document/yamlNodes';

export type PartialReason = 'kustomize-patch' | 'patch-directive' | 'merge-key';

const KUSTOMIZATION = /(?:^|\/)kustomization\.ya?ml$/i;

/** Why `object` is only part of what reaches the cluster, or undefined when it is complete as written. */
export function partialReason(file: FileModel, object: K8sObject, workspace: WorkspaceIndex): PartialReason | undefined {
  const own = ownReason(object);
  if (own) return own;
  const kustomizations = kustomizationsOf(workspace);
  if (kustomizations.folders.size === 0) return undefined;
  if (kustomizations.patches.has(normalized(file.uri))) return 'kustomize-patch';
  if (isService(object) && !object.fields.ports && !object.fields.selector && kustomizations.folders.has(folderOf(file.uri))) return 'kustomize-patch';
  return undefined;
}

// What the object itself says never changes (objects are immutable), and every keystroke asks again for each object.
const ownReasons = new WeakMap<K8sObject, PartialReason | null>();

function ownReason(object: K8sObject): PartialReason | null {
  let reason = ownReasons.get(object);
  if (reason === undefined) {
    reason = hasMergeKey(object.root) ? 'merge-key' : isPatch(object.root) ? 'patch-directive' : null;
    ownReasons.set(object, reason);
  }
  return reason;
}

const mergeKeys = new WeakMap<object, boolean>();

/** Whether any mapping inside the node has a plain `<<` key (the parse guarantees the nesting is shallow). */
function hasMergeKey(node: Node | null | undefined): boolean {
  if (!node || typeof node !== 'object') return false;
  const known = mergeKeys.get(node);
  if (known !== undefined) return known;
  let found = false;
  if (isMap(node))
    found = node.items.some((pair) => (isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') || hasMergeKey(pair.value as Node));
  else if (isSeq(node)) found = node.items.some((item) => hasMergeKey(item as Node));
  mergeKeys.set(node, found);
  return found;
}

interface Kustomizations {
  /** Normalised URIs of every file a kustomization names as a patch. */
  patches: Set<string>;
  /** Folders (URI with trailing slash) that hold a kustomization. */
  folders: Set<string>;
}

const perWorkspace = new WeakMap<WorkspaceIndex, { version: number; value: Kustomizations }>();
const patchPaths = new WeakMap<FileModel, string[]>();

function kustomizationsOf(workspace: WorkspaceIndex): Kustomizations {
  const cached = perWorkspace.get(workspace);
  if (cached && cached.version === workspace.version) return cached.value;
  const value: Kustomizations = { patches: new Set(), folders: new Set() };
  for (const uri of workspace.uris()) {
    if (!KUSTOMIZATION.test(uri)) continue;
    const file = workspace.get(uri);
    if (!file) continue;
    value.folders.add(folderOf(uri));
    for (const relative of patchesOf(file)) {
      try {
        value.patches.add(normalized(new URL(relative, uri).href));
      } catch {
        // Not a path a URL can be made of: nothing to match.
      }
    }
  }
  perWorkspace.set(workspace, { version: workspace.version, value });
  return value;
}

/** The patch file paths a kustomization lists; inline patches (text with a line break) are not files. */
function patchesOf(file: FileModel): string[] {
  let paths = patchPaths.get(file);
  if (paths) return paths;
  paths = [];
  try {
    // A kustomization is never composed by parseFile (its kind is of no interest to any rule), so parse it here.
    const root = asMap(parseDocument(file.text, { prettyErrors: false }).contents);
    const strings = (node: unknown) =>
      asSeq(node)
        ?.items.filter(isScalar)
        .map((item) => item.value) ?? [];
    const pathsIn = (node: unknown) =>
      asSeq(node)
        ?.items.map((item) => (isMap(item) ? fieldOf(item, 'path')?.node : undefined))
        .filter(isScalar)
        .map((item) => item.value) ?? [];
    for (const value of [
      ...strings(fieldOf(root, 'patchesStrategicMerge')?.node),
      ...pathsIn(fieldOf(root, 'patches')?.node),
      ...pathsIn(fieldOf(root, 'patchesJson6902')?.node),
    ]) {
      if (typeof value === 'string' && value !== '' && !value.includes('\n')) paths.push(value);
    }
  } catch {
    // A kustomization that does not parse names no patches.
  }
  patchPaths.set(file, paths);
  return paths;
}

function folderOf(uri: string): string {
  return normalized(uri).replace(/[^/]*$/, '');
}

/** URIs as the URL parser writes them, so `a/./b.yaml`, `a/x/../b.yaml` and percent-encoding variants compare equal. */
function normalized(uri: string): string {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}
