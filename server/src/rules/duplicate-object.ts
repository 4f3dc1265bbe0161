import { defineRule } from '../analysis/rule';
import { kustomizationFolderOf, partialReason } from '../analysis/partial';
import { locate, relatedAt } from '../kubernetes/selection';
import { appliesAfter, objectIdentity, type ObjectRef, type WorkspaceIndex } from '../kubernetes/workspace';
import { fieldOf } from '../document/yamlNodes';
import type { ParsedChunk } from '../kubernetes/manifest';

/** The other definitions, where they are, and whether this one is the one the cluster keeps. */
type Data = { appliedLast: boolean; others: Array<{ uri: string; line: number }> };

/**
 * The API server knows an object by its kind (with API group), namespace and name: two manifests defining the same
 * one describe one object, and `kubectl apply -f` of both applies them one after the other, so the last one applied
 * (files in path order, documents in file order) is what the cluster keeps. Definitions that belong to different
 * Kustomize builds (a base and its overlays, two overlays) are rendered separately and are not counted; a patch is
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
    const others = same.filter((ref) => ref !== self && isDefinition(ref, ctx.workspace) && kustomizationFolderOf(ref.uri, ctx.workspace) === build);
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
 * Definitions of each identity defined more than once, built once per workspace state. Every edit changes the state,
 * so this must stay cheap on workspaces of tens of thousands of objects, almost all of them defined once: a first
 * pass only counts identities (read from each parsed chunk's cached list, so unchanged documents cost a lookup), and
 * refs are built for the repeated ones alone.
 */
const repeated = new WeakMap<WorkspaceIndex, { version: number; map: Map<string, ObjectRef[]> }>();
const chunkIdentities = new WeakMap<ParsedChunk, ReadonlyArray<string | undefined>>();

function definitionsByIdentity(workspace: WorkspaceIndex): Map<string, ObjectRef[]> {
  const cached = repeated.get(workspace);
  if (cached && cached.version === workspace.version) return cached.map;
  const counts = new Map<string, number>();
  for (const uri of workspace.uris()) {
    for (const chunk of workspace.get(uri)?.chunks ?? []) {
      for (const identity of identitiesOf(chunk.parsed)) if (identity !== undefined) counts.set(identity, (counts.get(identity) ?? 0) + 1);
    }
  }
  const map = new Map<string, ObjectRef[]>();
  for (const [identity, count] of counts) if (count > 1) map.set(identity, []);
  if (map.size > 0) {
    for (const uri of workspace.uris()) {
      for (const chunk of workspace.get(uri)?.chunks ?? []) {
        identitiesOf(chunk.parsed).forEach((identity, i) => {
          if (identity !== undefined) map.get(identity)?.push({ uri, object: chunk.parsed.objects[i], chunk });
        });
      }
    }
  }
  repeated.set(workspace, { version: workspace.version, map });
  return map;
}

function identitiesOf(parsed: ParsedChunk): ReadonlyArray<string | undefined> {
  let identities = chunkIdentities.get(parsed);
  if (!identities) chunkIdentities.set(parsed, (identities = parsed.objects.map(objectIdentity)));
  return identities;
}
