/**
 * A kustomization file read for what the origin map and the input list need: every entry with its span in the file,
 * so a rendered field can be traced to the entry that wrote it. Field names and meanings follow Kustomize's
 * `types.Kustomization` (sigs.k8s.io/kustomize/api/types/kustomization.go); the legacy `bases` and
 * `patchesStrategicMerge` are read as `kustomize build` still reads them (FixKustomization moves `bases` into
 * `resources`).
 */
import { isScalar, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';
import { asMap, asSeq, fieldOf, fieldsOf, spanOf, type Span } from '../../document/yamlNodes';
import { blockScalarText, type EmbeddedText } from './embedded';

/** A string entry of the kustomization (a resource path, a patch path, a transformer value) and where it is written. */
export interface Entry {
  value: string;
  /** The value's span in the kustomization text. */
  span: Span;
  /** The key's span when the entry is a `key: value` pair (labels, annotations), else the value's. */
  keySpan: Span;
  /** The key, for a `key: value` pair. */
  key?: string;
}

/** Which resources a patch applies to (`types.Selector`: name, namespace and kind are regular expressions). */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface PatchEntry {
  /** `patchesStrategicMerge` and `patches` run before the other transformers, `patchesJson6902` after the labels. */
  field: 'patchesStrategicMerge' | 'patches' | 'patchesJson6902';
  /** A patch file, relative to the kustomization's folder. */
  path?: Entry;
  /** A patch written in the kustomization itself. */
  inline?: EmbeddedText;
  target?: Selector;
  /** The whole list item: where an inline patch is reported when its own lines cannot be told apart. */
  span: Span;
}

export interface LabelSet {
  pairs: Entry[];
  /** `commonLabels`, and `labels` with `includeSelectors`, write selectors and pod templates too. */
  selectors: boolean;
  /** `labels` with `includeTemplates` write pod template labels but not selectors. */
  templates: boolean;
}

export interface ReplicaEntry {
  name: string;
  count: Entry;
}

export interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** The most specific line that changes the image: the tag, else the digest, else the new name. */
  span: Span;
}

export interface Kustomization {
  /** File-system path of the kustomization file. */
  path: string;
  text: string;
  /** `Component` kustomizations (`kind: Component`) are applied to the resources of whoever includes them. */
  component: boolean;
  resources: Entry[];
  components: Entry[];
  patches: PatchEntry[];
  namespace?: Entry;
  namePrefix?: Entry;
  nameSuffix?: Entry;
  labels: LabelSet[];
  annotations: Entry[];
  replicas: ReplicaEntry[];
  images: ImageEntry[];
  /** Other local files the build reads: generator sources, configurations, CRDs, OpenAPI schema, replacements. */
  files: Entry[];
  /** The first key of the file, where a problem with no better place goes. */
  anchor: Span;
}

/** The names `kustomize build` looks for in a folder, in its order (konfig.RecognizedKustomizationFileNames). */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Reads a kustomization; undefined when it is not a YAML mapping (kustomize rejects it then and says why). */
export function readKustomization(path: string, text: string): Kustomization | undefined {
  let root: YAMLMap | undefined;
  try {
    root = asMap(parseDocument(text, { prettyErrors: false }).contents);
  } catch {
    return undefined;
  }
  if (!root) return undefined;
  const first = root.items[0]?.key as Node | undefined;
  const patches = [
    ...entries(root, 'patchesStrategicMerge').map((entry) => patchFromString(entry, root, text)),
    ...patchItems(root, 'patches', text),
    ...patchItems(root, 'patchesJson6902', text),
  ].filter((patch): patch is PatchEntry => patch !== undefined);
  return {
    path,
    text,
    component: scalarEntry(root, 'kind')?.value === 'Component',
    resources: [...entries(root, 'resources'), ...entries(root, 'bases')],
    components: entries(root, 'components'),
    patches,
    namespace: scalarEntry(root, 'namespace'),
    namePrefix: scalarEntry(root, 'namePrefix'),
    nameSuffix: scalarEntry(root, 'nameSuffix'),
    labels: labelSets(root),
    annotations: pairs(asMap(fieldOf(root, 'commonAnnotations')?.node)),
    replicas: replicas(root),
    images: images(root),
    files: otherFiles(root),
    anchor: spanOf(first) ?? { start: 0, end: 0 },
  };
}

/** A path or URL is remote when kustomize would fetch it: a URL, or a `host.tld/...` repository spec. */
export function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(?:git@|github\.com[/:]|gitlab\.com[/:]|bitbucket\.org[/:])/i.test(entry);
}

function scalarEntry(map: YAMLMap | undefined, key: string): Entry | undefined {
  const field = fieldOf(map, key);
  return field && isScalar(field.node) ? entryOf(field.node, field.keySpan) : undefined;
}

function entryOf(node: Scalar, keySpan?: Span): Entry | undefined {
  const span = spanOf(node);
  if (!span || node.value === null || node.value === undefined || typeof node.value === 'object') return undefined;
  return { value: String(node.value), span, keySpan: keySpan ?? span };
}

/** The string items of a list field. */
function entries(map: YAMLMap | undefined, key: string): Entry[] {
  const seq = asSeq(fieldOf(map, key)?.node);
  if (!seq) return [];
  return seq.items.flatMap((item) => (isScalar(item) ? (entryOf(item) ?? []) : []));
}

function pairs(map: YAMLMap | undefined): Entry[] {
  if (!map) return [];
  return fieldsOf(map).flatMap((field) => {
    const entry = isScalar(field.node) ? entryOf(field.node, field.keySpan) : undefined;
    return entry ? [{ ...entry, key: field.key }] : [];
  });
}

/** A `patchesStrategicMerge` item: a file path, or (with a line break) the patch itself. */
function patchFromString(entry: Entry, root: YAMLMap, source: string): PatchEntry {
  const field = 'patchesStrategicMerge';
  if (!entry.value.includes('\n')) return { field, path: entry, span: entry.span };
  const node = asSeq(fieldOf(root, field)?.node)?.items.find((item) => isScalar(item) && spanOf(item)?.start === entry.span.start);
  return { field, inline: blockScalarText(node as Scalar | undefined, source), span: entry.span };
}

function patchItems(root: YAMLMap, field: 'patches' | 'patchesJson6902', source: string): Array<PatchEntry | undefined> {
  const seq = asSeq(fieldOf(root, field)?.node);
  if (!seq) return [];
  return seq.items.map((item) => {
    const map = asMap(item);
    const span = spanOf(item as Node);
    if (!map || !span) return undefined;
    const pathField = fieldOf(map, 'path');
    const patchField = fieldOf(map, 'patch');
    const target = selectorOf(asMap(fieldOf(map, 'target')?.node));
    const path = isScalar(pathField?.node) ? entryOf(pathField.node) : undefined;
    if (path) return { field, path, target, span };
    if (isScalar(patchField?.node)) {
      const embedded = blockScalarText(patchField.node, source) ?? { text: String(patchField.node.value), toSource: () => undefined };
      return { field, inline: embedded, target, span: patchField.keySpan };
    }
    return undefined;
  });
}

function selectorOf(map: YAMLMap | undefined): Selector | undefined {
  if (!map) return undefined;
  const value = (key: string) => scalarEntry(map, key)?.value;
  return {
    group: value('group'),
    version: value('version'),
    kind: value('kind'),
    name: value('name'),
    namespace: value('namespace'),
    labelSelector: value('labelSelector'),
    annotationSelector: value('annotationSelector'),
  };
}

/**
 * The label transformers in the order Kustomize runs them: each `labels` entry, then `commonLabels` (LabelTransformer
 * configurator in api/internal/target/kusttarget_configplugin.go). commonLabels use the full commonLabels field specs
 * (selectors and templates); `labels` only metadata unless `includeSelectors` or `includeTemplates` say otherwise.
 */
function labelSets(root: YAMLMap): LabelSet[] {
  const sets: LabelSet[] = [];
  for (const item of asSeq(fieldOf(root, 'labels')?.node)?.items ?? []) {
    const map = asMap(item);
    if (!map) continue;
    const flag = (key: string) => {
      const node = fieldOf(map, key)?.node;
      return isScalar(node) && node.value === true;
    };
    sets.push({ pairs: pairs(asMap(fieldOf(map, 'pairs')?.node)), selectors: flag('includeSelectors'), templates: flag('includeTemplates') });
  }
  const common = pairs(asMap(fieldOf(root, 'commonLabels')?.node));
  if (common.length > 0) sets.push({ pairs: common, selectors: true, templates: true });
  return sets;
}

function replicas(root: YAMLMap): ReplicaEntry[] {
  return (asSeq(fieldOf(root, 'replicas')?.node)?.items ?? []).flatMap((item) => {
    const map = asMap(item);
    const name = scalarEntry(map, 'name')?.value;
    const count = scalarEntry(map, 'count');
    return name !== undefined && count ? [{ name, count }] : [];
  });
}

function images(root: YAMLMap): ImageEntry[] {
  return (asSeq(fieldOf(root, 'images')?.node)?.items ?? []).flatMap((item) => {
    const map = asMap(item);
    const name = scalarEntry(map, 'name');
    if (!map || !name) return [];
    const newName = scalarEntry(map, 'newName');
    const newTag = scalarEntry(map, 'newTag');
    const digest = scalarEntry(map, 'digest');
    const span = (newTag ?? digest ?? newName ?? name).span;
    return [{ name: name.value, newName: newName?.value, newTag: newTag?.value, digest: digest?.value, span }];
  });
}

/** Local files read by generators and by the build's own configuration, which a change to must render again. */
function otherFiles(root: YAMLMap): Entry[] {
  const files: Entry[] = [];
  for (const generator of ['configMapGenerator', 'secretGenerator']) {
    for (const item of asSeq(fieldOf(root, generator)?.node)?.items ?? []) {
      const map = asMap(item);
      // `files` items may be `key=path`; `env` is the older single-file form of `envs`.
      for (const entry of entries(map, 'files')) files.push({ ...entry, value: entry.value.replace(/^[^=]*=/, '') });
      files.push(...entries(map, 'envs'));
      const env = scalarEntry(map, 'env');
      if (env) files.push(env);
    }
  }
  for (const key of ['configurations', 'crds', 'transformers', 'generators', 'validators']) {
    files.push(...entries(root, key).filter((entry) => !entry.value.includes('\n')));
  }
  const openapi = scalarEntry(asMap(fieldOf(root, 'openapi')?.node), 'path');
  if (openapi) files.push(openapi);
  for (const item of asSeq(fieldOf(root, 'replacements')?.node)?.items ?? []) {
    const path = scalarEntry(asMap(item), 'path');
    if (path) files.push(path);
  }
  return files;
}
