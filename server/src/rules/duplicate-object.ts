import { defineRule } from '../analysis/rule';
import { kustomizationFolderOf, partialReason } from '../analysis/partial';
import { locate, relatedAt } from '../kubernetes/selection';
import { sameFolderTree } from '../kubernetes/applications';
import { appliesAfter, objectIdentity, type ObjectRef, type WorkspaceIndex } from '../kubernetes/workspace';
import { fieldOf } from '../document/yamlNodes';
import type { FileModel, ParsedChunk } from '../kubernetes/manifest';

/** The other definitions, where they are, and whether this one is the one the cluster keeps. */
type Data = { appliedLast: boolean; others: Array<{ uri: string; line: number }> };

/**
 * The API server knows an object by its kind (with API group), namespace and name: two manifests defining the same
 * one describe one object, and `kubectl apply -f` of both applies them one after the other, so the last one applied
 * (files in path order, documents in file order) is what the cluster keeps. Definitions that belong to different
 * Kustomize builds (a base and its overlays, two overlays) are rendered separately and are not counted, nor are
 * definitions in sibling folder trees, which are separate applications (sameFolderTree); a patch is
 * part of an object, not a definition (partial.ts); Helm templates are not judged.
 *
 * Sources: the order is cli-runtime's ExpandPathsToFileVisitors, which walks a folder with filepath.Walk (lexical
 * order) and reads each file's documents in turn; the later apply replaces the earlier one because apply's three-way
 * merge clears the fields the last-applied configuration (the earlier definition) set and the new one leaves out
 * (kubernetes.io, "Declarative Management of Kubernetes Objects Using Configuration Files", "How apply calculates
 * differences and merges changes").
 */
export const duplicateObject = defineRule<Data>({
  id: 'duplicate-object',
  defaultSeverity: 'information',
  description: 'The same object (kind, namespace and name) is defined twice; the cluster keeps only the one applied last.',
  crossResource: true,
  partialSafe: false,
  check(object, ctx) {
    const identity = objectIdentity(object);
    if (identity === undefined) return;
    const same = definitionsByIdentity(ctx.workspace).get(identity);
    if (!same || same.length < 2) return;
    const self = same.find((ref) => ref.object === object);
    if (!self) return;
    const build = kustomizationFolderOf(self.uri, ctx.workspace);
    const others = same.filter(
      (ref) => ref !== self && sameFolderTree(self.uri, ref.uri) && isDefinition(ref, ctx.workspace) && kustomizationFolderOf(ref.uri, ctx.workspace) === build,
    );
    if (others.length === 0) return;
    const places = others.map((ref) => ({ ref, where: locate(ref, ctx.workspace) }));
    const named = places.map(({ ref, where }) => (ref.uri === self.uri ? `line ${where.line} of this file` : `${where.file}:${where.line}`));
    const appliedLast = others.every((ref) => appliesAfter(self, ref));
    const what = `${object.kind} \`${object.namespace ? `${object.namespace}/` : ''}${object.name}\``;
    const last = appliedLast ? 'this definition' : 'the other one';
    ctx.report({
      span: fieldOf(object.metadata, 'name')?.valueSpan ?? object.anchorSpan,
      message:
        `${what} is also defined at ${named.join(', ')}. To the cluster both are one object: applied together, the last one applied (${last}) replaces the other, ` +
        'so only one of them is drawn and counted. Keep one definition, or give them different names or namespaces.',
      data: { appliedLast, others: places.map(({ ref, where }) => ({ uri: ref.uri, line: where.line })) },
      related: others.map((ref) => relatedAt(ref, `${what} is also defined here`)),
    });
  },
});

/** Not a patch, not an object with merge keys, not a Helm template: a whole object as the cluster would get it. */
function isDefinition(ref: ObjectRef, workspace: WorkspaceIndex): boolean {
  const file = workspace.get(ref.uri);
  return file !== undefined && !file.template && partialReason(file, ref.object, workspace) === undefined;
}

/**
 * Definitions of each identity defined more than once, kept up to date as files change. Every edit changes the
 * workspace, so this must stay cheap on workspaces of tens of thousands of objects, almost all of them defined once,
 * often in one huge file: the tally remembers the model each file was counted with and how often each identity occurs
 * in each file, so an edit costs a pointer comparison per file plus work for the chunks whose parse changed (an edit
 * keeps the parse of every chunk whose text it did not touch), and refs are built only for repeated identities.
 */
interface Tally {
  version: number;
  /** The model each file had when it was last counted. */
  files: Map<string, FileModel>;
  /** How many times each file defines each identity. */
  owners: Map<string, Map<string, number>>;
  map: Map<string, ObjectRef[]>;
}

const tallies = new WeakMap<WorkspaceIndex, Tally>();
const chunkIdentities = new WeakMap<ParsedChunk, ReadonlyArray<string | undefined>>();

function definitionsByIdentity(workspace: WorkspaceIndex): Map<string, ObjectRef[]> {
  let tally = tallies.get(workspace);
  if (tally && tally.version === workspace.version) return tally.map;
  if (!tally) tallies.set(workspace, (tally = { version: -1, files: new Map(), owners: new Map(), map: new Map() }));
  const touched = new Set<string>();
  const changed = new Set<string>();
  for (const uri of workspace.uris()) {
    const file = workspace.get(uri) as FileModel;
    const counted = tally.files.get(uri);
    if (counted === file) continue;
    recount(tally, uri, counted, file, touched);
    tally.files.set(uri, file);
    changed.add(uri);
  }
  if (tally.files.size !== workspace.size) {
    for (const [uri, counted] of tally.files) {
      if (workspace.get(uri)) continue;
      recount(tally, uri, counted, undefined, touched);
      tally.files.delete(uri);
      changed.add(uri);
    }
  }
  // A changed file has new placed chunks (offsets move) even where its parses are reused: refs into it are rebuilt.
  for (const identity of tally.map.keys()) {
    const owners = tally.owners.get(identity);
    if (owners && [...owners.keys()].some((uri) => changed.has(uri))) touched.add(identity);
  }
  for (const identity of touched) {
    const owners = tally.owners.get(identity);
    const total = owners ? [...owners.values()].reduce((sum, n) => sum + n, 0) : 0;
    if (owners && total > 1) tally.map.set(identity, refsOf(identity, owners, tally));
    else tally.map.delete(identity);
  }
  tally.version = workspace.version;
  return tally.map;
}

/** Moves the counts of `uri` from the chunks of `before` to those of `after`, touching only chunks that differ. */
function recount(tally: Tally, uri: string, before: FileModel | undefined, after: FileModel | undefined, touched: Set<string>): void {
  const [old, now] = [before?.chunks ?? [], after?.chunks ?? []];
  // An edit re-splits only around itself (document/resplit.ts): skip the shared head and tail by identity first.
  let head = 0;
  while (head < old.length && head < now.length && old[head].parsed === now[head].parsed) head++;
  let tail = 0;
  while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail].parsed === now[now.length - 1 - tail].parsed) tail++;
  const difference = new Map<ParsedChunk, number>();
  for (let i = head; i < old.length - tail; i++) difference.set(old[i].parsed, (difference.get(old[i].parsed) ?? 0) - 1);
  for (let i = head; i < now.length - tail; i++) difference.set(now[i].parsed, (difference.get(now[i].parsed) ?? 0) + 1);
  for (const [parsed, delta] of difference) {
    if (delta === 0) continue;
    for (const identity of identitiesOf(parsed)) {
      if (identity === undefined) continue;
      let owners = tally.owners.get(identity);
      if (!owners) tally.owners.set(identity, (owners = new Map<string, number>()));
      const times = (owners.get(uri) ?? 0) + delta;
      if (times > 0) owners.set(uri, times);
      else owners.delete(uri);
      if (owners.size === 0) tally.owners.delete(identity);
      touched.add(identity);
    }
  }
}

/** Every definition of `identity`, in the order `kubectl apply -R -f` applies them (files in path order). */
function refsOf(identity: string, owners: Map<string, number>, tally: Tally): ObjectRef[] {
  const refs: ObjectRef[] = [];
  for (const uri of [...owners.keys()].sort(comparePaths)) {
    for (const chunk of (tally.files.get(uri) as FileModel).chunks) {
      identitiesOf(chunk.parsed).forEach((candidate, i) => {
        if (candidate === identity) refs.push({ uri, object: chunk.parsed.objects[i], chunk });
      });
    }
  }
  return refs;
}

/** Path order as appliesAfter() sees it: folder by folder, each folder's entries by name. */
function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const [left, right] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return left[i] < right[i] ? -1 : 1;
  return left.length - right.length;
}

function identitiesOf(parsed: ParsedChunk): ReadonlyArray<string | undefined> {
  let identities = chunkIdentities.get(parsed);
  if (!identities) chunkIdentities.set(parsed, (identities = parsed.objects.map(objectIdentity)));
  return identities;
}
