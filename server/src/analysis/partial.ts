/**
 * Objects the file shows only part of, which must not be judged as if they were whole:
 *
 * - Kustomize patches. A strategic-merge patch is a partial object: `kustomize build` merges it into a base, so
 *   a patch Service without `ports` or `selector`, or with `nodePort` but no `type`, is normal. A file is a patch
 *   when a kustomization lists it under `patches` (`path:`), `patchesStrategicMerge` or `patchesJson6902`; when it
 *   uses patch directives (`$patch: delete`, `$setElementOrder/...`); or when a Service without ports and without
 *   selector sits in a folder that has a kustomization (a complete Service that way would be rejected or useless
 *   anyway, so nothing real is lost). The kustomization may be anywhere in the workspace, or, for a patch opened on
 *   its own (no workspace, or the CLI given only the patch), in the patch's folder or a few folders above it, read
 *   through the workspace's outside reader: kubectl reads the kustomization from disk whatever the editor has open.
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
/** The names `kustomize build` looks for in a folder (konfig.RecognizedKustomizationFileNames). */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** How many folders above a patch a kustomization listing it is looked for (`patches: [{path: ../../x.yaml}]` is rare). */
const FOLDERS_UP = 3;

/** Why `object` is only part of what reaches the cluster, or undefined when it is complete as written. */
export function partialReason(file: FileModel, object: K8sObject, workspace: WorkspaceIndex): PartialReason | undefined {
  const own = ownReason(object);
  if (own) return own;
  const place = placeOf(file.uri, workspace);
  if (place.listedAsPatch) return 'kustomize-patch';
  const bare = isService(object) && !object.fields.ports && !object.fields.selector;
  return bare && place.besideKustomization ? 'kustomize-patch' : undefined;
}

/** What a file's place says, the same for all its objects: asked once per file and workspace state, not per object. */
const places = new WeakMap<WorkspaceIndex, { version: number; byUri: Map<string, { listedAsPatch: boolean; besideKustomization: boolean }> }>();

function placeOf(fileUri: string, workspace: WorkspaceIndex): { listedAsPatch: boolean; besideKustomization: boolean } {
  let cached = places.get(workspace);
  if (!cached || cached.version !== workspace.version) places.set(workspace, (cached = { version: workspace.version, byUri: new Map() }));
  let place = cached.byUri.get(fileUri);
  if (!place) {
    const kustomizations = kustomizationsOf(workspace);
    const uri = normalized(fileUri);
    const folder = folderOf(uri);
    const around = kustomizationsAround(uri, workspace);
    place = {
      listedAsPatch: kustomizations.patches.has(uri) || around.patches.has(uri),
      besideKustomization: kustomizations.folders.has(folder) || around.folders.has(folder),
    };
    cached.byUri.set(fileUri, place);
  }
  return place;
}

/**
 * The nearest folder at or above the file's (a few levels up) that holds a kustomization: the Kustomize build the
 * file belongs to. Undefined for a file no kustomization governs.
 */
export function kustomizationFolderOf(uri: string, workspace: WorkspaceIndex): string | undefined {
  const known = kustomizationsOf(workspace).folders;
  const around = kustomizationsAround(normalized(uri), workspace).folders;
  let folder = folderOf(uri);
  for (let level = 0; level <= FOLDERS_UP; level++) {
    if (known.has(folder) || around.has(folder)) return folder;
    const parent = new URL('..', folder).href;
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}

// Every object of a file asks, on every keystroke: one look per folder and workspace state is enough.
const aroundCache = new WeakMap<WorkspaceIndex, { version: number; byFolder: Map<string, Kustomizations> }>();

/**
 * The kustomizations in the file's folder and the few above it, from the index or else through its outside reader
 * (which caches what it reads from disk).
 */
function kustomizationsAround(uri: string, workspace: WorkspaceIndex): Kustomizations {
  const start = folderOf(uri);
  let cache = aroundCache.get(workspace);
  if (!cache || cache.version !== workspace.version) aroundCache.set(workspace, (cache = { version: workspace.version, byFolder: new Map() }));
  const cached = cache.byFolder.get(start);
  if (cached) return cached;
  const found: Kustomizations = { patches: new Set(), folders: new Set() };
  cache.byFolder.set(start, found);
  if (!uri.startsWith('file:')) return found;
  let folder = start;
  for (let level = 0; level <= FOLDERS_UP; level++) {
    for (const name of KUSTOMIZATION_NAMES) {
      const candidate = folder + name;
      const text = workspace.get(candidate)?.text ?? workspace.readOutside(candidate);
      if (text === undefined) continue;
      found.folders.add(folder);
      for (const relative of patchPathsIn(text)) addResolved(found.patches, relative, candidate);
      // kustomize refuses a folder with two kustomization files, so the first one is the one.
      break;
    }
    const parent = new URL('..', folder).href;
    if (parent === folder) break;
    folder = parent;
  }
  return found;
}

function addResolved(patches: Set<string>, relative: string, kustomization: string): void {
  try {
    patches.add(normalized(new URL(relative, kustomization).href));
  } catch {
    // Not a path a URL can be made of: nothing to match.
  }
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
    for (const relative of patchesOf(file)) addResolved(value.patches, relative, uri);
  }
  perWorkspace.set(workspace, { version: workspace.version, value });
  return value;
}

function patchesOf(file: FileModel): string[] {
  let paths = patchPaths.get(file);
  if (!paths) patchPaths.set(file, (paths = patchPathsIn(file.text)));
  return paths;
}

// Kustomizations read from disk have no model; their text is what changes (the reader re-reads a changed file).
const patchPathsByText = new Map<string, string[]>();
const MAX_REMEMBERED_TEXTS = 64;

/** The patch file paths a kustomization lists; inline patches (text with a line break) are not files. */
function patchPathsIn(text: string): string[] {
  const known = patchPathsByText.get(text);
  if (known) return known;
  const paths: string[] = [];
  try {
    // A kustomization is never composed by parseFile (its kind is of no interest to any rule), so parse it here.
    const root = asMap(parseDocument(text, { prettyErrors: false }).contents);
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
  if (patchPathsByText.size >= MAX_REMEMBERED_TEXTS) patchPathsByText.clear();
  patchPathsByText.set(text, paths);
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
