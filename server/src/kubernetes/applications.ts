/**
 * Plain folders as applications. A repository of examples or of several apps is opened as one workspace, yet each
 * folder tree is applied on its own (`kubectl apply -R -f examples/a`), so a Service's pods are those of its own
 * folder tree: walking up from the Service's folder to its workspace folder, the first folder under which some
 * workload matches the selector holds the Service's backends, and only when none does do matches anywhere count.
 * Selection itself stays kubernetes/selection.ts's; this only chooses among the workloads it matches.
 */
import type { K8sObject } from './model';
import type { ObjectRef, WorkspaceIndex } from './workspace';

/** The URI without query or fragment, which are not folders. */
function bare(uri: string): string {
  const cut = uri.search(/[?#]/);
  return cut < 0 ? uri : uri.slice(0, cut);
}

/**
 * How deep a folder two files share: the length of their common folder prefix (`file:///w/apps/` for
 * `file:///w/apps/web/svc.yaml` and `file:///w/apps/api.yaml`), or 0 when the only folders they share lie above
 * `floor`, the workspace folder of the first file (its common prefix with anything is then no application).
 */
export function sharedFolderDepth(uri: string, other: string, floor = 0): number {
  const [a, b] = [bare(uri), bare(other)];
  const limit = Math.min(a.length, b.length);
  let same = 0;
  while (same < limit && a.charCodeAt(same) === b.charCodeAt(same)) same++;
  // The common prefix may end inside a name (`apps/web` and `apps/webhook`): only whole folders count.
  const depth = same === 0 ? 0 : a.lastIndexOf('/', same - 1) + 1;
  return depth >= floor ? depth : 0;
}

/** The length of the workspace folder holding `uri`: folders above it are not part of one application. */
export function workspaceFloor(uri: string, workspace: WorkspaceIndex): number {
  return workspace.folderOf(bare(uri))?.length ?? 0;
}

/**
 * The refs (workloads matching a Service's selector, from a file of the workspace) that lie in the Service's nearest
 * folder tree holding any of them: every ref when they all share that folder, else those that share the deepest one.
 */
export function nearestApplication<T extends K8sObject>(serviceUri: string, refs: readonly ObjectRef<T>[], workspace: WorkspaceIndex): readonly ObjectRef<T>[] {
  if (refs.length <= 1) return refs;
  const floor = workspaceFloor(serviceUri, workspace);
  const depths = refs.map((ref) => sharedFolderDepth(serviceUri, ref.uri, floor));
  let nearest = 0;
  for (const depth of depths) if (depth > nearest) nearest = depth;
  return depths.every((depth) => depth === nearest) ? refs : refs.filter((_, i) => depths[i] === nearest);
}

/**
 * Whether one file's folder holds the other's: `apps/web/` and `apps/web/old/` are one application, applied together
 * with `kubectl apply -R -f apps/web`; sibling folders such as `examples/a/` and `examples/b/` are applied one at a time.
 */
export function sameFolderTree(uri: string, other: string): boolean {
  const [a, b] = [bare(uri), bare(other)];
  const [left, right] = [a.slice(0, a.lastIndexOf('/') + 1), b.slice(0, b.lastIndexOf('/') + 1)];
  return left.startsWith(right) || right.startsWith(left);
}
