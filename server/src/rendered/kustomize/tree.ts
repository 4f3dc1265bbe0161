/**
 * A kustomization and everything it reads, walked the way `kustomize build` accumulates it
 * (api/internal/target/kusttarget.go): the resources in order (a folder is built recursively first), then the
 * components, each applied to everything accumulated so far, then the kustomization's own transformers in the order of
 * configureBuiltinTransformers (kusttarget_configplugin.go): strategic-merge patches, `patches`, namespace,
 * prefix/suffix, labels, annotations, JSON 6902 patches, replicas, images. Remote resources are not followed: the
 * renderer refuses them and says so. The walk is bounded, so a cycle or a huge tree costs a fixed amount.
 */
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { asMap, asSeq, fieldOf, stringMap, stringValue } from '../../document/yamlNodes';
import type { ReadText } from '../source';
import type { EmbeddedText } from './embedded';
import {
  isRemote,
  KUSTOMIZATION_NAMES,
  readKustomization,
  type Entry,
  type ImageEntry,
  type Kustomization,
  type LabelSet,
  type PatchEntry,
  type ReplicaEntry,
} from './kustomization';

/** How deep bases may nest, and how many files one build may read, before the walk stops. */
const MAX_DEPTH = 16;
const MAX_FILES = 500;

/** One object of a resource file, before any transformer touched it. */
export interface SourceResource {
  path: string;
  uri: string;
  text: string;
  root: YAMLMap;
  kind: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
}

/** A text holding patches: a patch file, or a patch written inline in a kustomization. */
export interface PatchText {
  uri: string;
  /** Maps an offset in the parsed text to one in the file at `uri`. */
  toSource: (offset: number) => number | undefined;
  /** Where the patch is reported when `toSource` cannot place a character: the patch entry. */
  fallback: { start: number; end: number };
  /** Each document's root: a mapping for a strategic-merge patch, a list of operations for a JSON 6902 patch. */
  roots: Node[];
}

interface StepBase {
  /** The kustomization that holds the step. */
  kustomization: Kustomization;
  /** The resources it transforms: everything accumulated where it runs. */
  scope: ReadonlySet<SourceResource>;
}

export type Step = StepBase &
  (
    | { kind: 'patch'; entry: PatchEntry; patch: PatchText }
    | { kind: 'namespace'; entry: Entry }
    | { kind: 'prefixSuffix'; prefix?: Entry; suffix?: Entry }
    | { kind: 'labels'; set: LabelSet }
    | { kind: 'annotations'; pairs: Entry[] }
    | { kind: 'replicas'; entry: ReplicaEntry }
    | { kind: 'image'; entry: ImageEntry }
  );

export interface Build {
  /** The root kustomization; undefined when it cannot be read. */
  root?: Kustomization;
  resources: SourceResource[];
  /** Every transformer that ran, in the order it ran. */
  steps: Step[];
  /** Every path the build reads or looks for, missing ones included (creating one changes the render). */
  inputs: Set<string>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The kustomization in `dir` (path and text), by kustomize's names in its order; undefined when there is none. */
export function kustomizationFileIn(dir: string, read: ReadText): { path: string; text: string } | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const path = nodePath.join(dir, name);
    const text = read(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/**
 * Walks the build rooted at `rootDir`. With `objects` false only the inputs are collected and nothing is parsed
 * beyond the kustomizations (what the cache key needs on every change).
 */
export function loadBuild(rootDir: string, read: ReadText, objects = true): Build {
  const build: Build = { resources: [], steps: [], inputs: new Set() };
  let reads = 0;
  const readCounted = (path: string): string | undefined => {
    build.inputs.add(path);
    if (reads >= MAX_FILES) return undefined;
    reads++;
    return read(path);
  };

  const kustomizationIn = (dir: string): Kustomization | undefined => {
    const file = kustomizationFileIn(dir, readCounted);
    return file && readKustomization(file.path, file.text);
  };

  /** Accumulates a folder's build into `into`; returns its kustomization. */
  const accumulate = (dir: string, into: SourceResource[], depth: number, within: ReadonlySet<string>): Kustomization | undefined => {
    if (depth > MAX_DEPTH || within.has(dir)) return undefined;
    const kustomization = kustomizationIn(dir);
    if (!kustomization) return undefined;
    const chain = new Set(within).add(dir);
    for (const entry of kustomization.resources) {
      if (isRemote(entry.value)) continue;
      const path = nodePath.resolve(dir, entry.value);
      const text = readCounted(path);
      if (text !== undefined) {
        if (objects) into.push(...resourcesOf(path, text));
        continue;
      }
      // Not a readable file: a folder with a kustomization, built on its own first (its transformers see only its
      // own resources), or missing, which kustomize reports.
      const base: SourceResource[] = [];
      accumulate(path, base, depth + 1, chain);
      into.push(...base);
    }
    for (const entry of kustomization.components) {
      if (isRemote(entry.value)) continue;
      // A component adds its resources to the includer's and transforms all of them (kusttarget.go accumulateComponents).
      accumulate(nodePath.resolve(dir, entry.value), into, depth + 1, chain);
    }
    for (const entry of kustomization.files) {
      if (!isRemote(entry.value)) readCounted(nodePath.resolve(dir, entry.value));
    }
    addSteps(kustomization, dir, new Set(into));
    return kustomization;
  };

  const addSteps = (kustomization: Kustomization, dir: string, scope: ReadonlySet<SourceResource>): void => {
    const base = { kustomization, scope };
    const patchStep = (entry: PatchEntry): void => {
      if (!objects) {
        if (entry.path && !isRemote(entry.path.value)) readCounted(nodePath.resolve(dir, entry.path.value));
        return;
      }
      const patch = patchText(entry, kustomization, dir, readCounted);
      if (patch) build.steps.push({ ...base, kind: 'patch', entry, patch });
    };
    const early = kustomization.patches.filter((patch) => patch.field !== 'patchesJson6902');
    const late = kustomization.patches.filter((patch) => patch.field === 'patchesJson6902');
    // patchesStrategicMerge runs before `patches`, whatever order the file lists them in.
    for (const entry of early.filter((patch) => patch.field === 'patchesStrategicMerge')) patchStep(entry);
    for (const entry of early.filter((patch) => patch.field === 'patches')) patchStep(entry);
    if (!objects) {
      for (const entry of late) patchStep(entry);
      return;
    }
    if (kustomization.namespace) build.steps.push({ ...base, kind: 'namespace', entry: kustomization.namespace });
    if (kustomization.namePrefix || kustomization.nameSuffix) {
      build.steps.push({ ...base, kind: 'prefixSuffix', prefix: kustomization.namePrefix, suffix: kustomization.nameSuffix });
    }
    for (const set of kustomization.labels) build.steps.push({ ...base, kind: 'labels', set });
    if (kustomization.annotations.length > 0) build.steps.push({ ...base, kind: 'annotations', pairs: kustomization.annotations });
    for (const entry of late) patchStep(entry);
    for (const entry of kustomization.replicas) build.steps.push({ ...base, kind: 'replicas', entry });
    for (const entry of kustomization.images) build.steps.push({ ...base, kind: 'image', entry });
  };

  build.root = accumulate(rootDir, build.resources, 0, new Set());
  return build;
}

function patchText(entry: PatchEntry, kustomization: Kustomization, dir: string, read: ReadText): PatchText | undefined {
  let text: string | undefined;
  let uri: string;
  let embedded: EmbeddedText | undefined;
  if (entry.path) {
    if (isRemote(entry.path.value)) return undefined;
    const path = nodePath.resolve(dir, entry.path.value);
    text = read(path);
    uri = fileUri(path);
  } else {
    embedded = entry.inline;
    text = embedded?.text;
    uri = fileUri(kustomization.path);
  }
  if (text === undefined) return undefined;
  let roots: Node[];
  try {
    const docs = parseAllDocuments(text, { prettyErrors: false });
    roots = (Array.isArray(docs) ? docs : []).flatMap((doc) => (doc.contents ? [doc.contents as Node] : []));
  } catch {
    return undefined;
  }
  return {
    uri,
    toSource: embedded ? (offset) => embedded.toSource(offset) : (offset) => offset,
    fallback: entry.path ? entry.path.span : entry.span,
    roots,
  };
}

/** The objects of a resource file; a `List` contributes its items, as kustomize expands them. */
function resourcesOf(path: string, text: string): SourceResource[] {
  const uri = fileUri(path);
  const found: SourceResource[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false });
  } catch {
    return found;
  }
  if (!Array.isArray(docs)) return found;
  for (const doc of docs) {
    const root = asMap(doc.contents);
    if (!root) continue;
    const kind = stringValue(fieldOf(root, 'kind')?.node);
    const items = kind?.endsWith('List') ? asSeq(fieldOf(root, 'items')?.node)?.items.map(asMap) : [root];
    for (const item of items ?? []) {
      const object = item && resourceOf(path, uri, text, item);
      if (object) found.push(object);
    }
  }
  return found;
}

function resourceOf(path: string, uri: string, text: string, root: YAMLMap): SourceResource | undefined {
  const kind = stringValue(fieldOf(root, 'kind')?.node);
  if (kind === undefined) return undefined;
  const metadata = asMap(fieldOf(root, 'metadata')?.node);
  return {
    path,
    uri,
    text,
    root,
    kind,
    name: stringValue(fieldOf(metadata, 'name')?.node),
    namespace: stringValue(fieldOf(metadata, 'namespace')?.node),
    labels: stringMap(asMap(fieldOf(metadata, 'labels')?.node)),
  };
}
