import type { CodeLens } from 'vscode-languageserver/node';
import { isService, type ServiceModel, type WorkloadModel } from '../kubernetes/model';
import { selectionIndex } from '../kubernetes/selectionIndex';
import { usableSelector } from '../kubernetes/selection';
import { misindentedSelector } from '../kubernetes/schema/classify';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import { toMermaid } from '../features/traffic/mermaid';
import { spanOf } from '../document/yamlNodes';
import { SHOW_TRAFFIC_PREVIEW_COMMAND, TRAFFIC_GRAPH_METHOD, type TrafficGraphParams, type TrafficGraphResult } from '../protocol/index';
import type { ServerContext } from './context';
import type { Feature } from './feature';
import { clientRefresher, refreshOnWorkloadChanges } from './refresh';

/** The traffic-path request behind the preview, and the CodeLenses that open it over each Service. */
export const trafficGraphFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(ctx) {
    ctx.connection.onRequest(TRAFFIC_GRAPH_METHOD, (params: TrafficGraphParams) => trafficGraph(ctx, params));
    ctx.connection.onCodeLens(({ textDocument }) => codeLenses(ctx, textDocument.uri));
    // The workload counts depend on other files: when their workloads change, editors must ask again.
    refreshOnWorkloadChanges(
      ctx,
      clientRefresher(ctx, 'workspace/codeLens/refresh', (caps) => caps.workspace?.codeLens?.refreshSupport),
    );
  },
};

/** Tracing a box back to its values line may render the chart again; past this the box points at its template. */
const ORIGIN_WAIT_MS = 3_000;

export async function trafficGraph(ctx: ServerContext, params: TrafficGraphParams): Promise<TrafficGraphResult> {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') throw new Error('kubeServiceLens/trafficGraph needs textDocument.uri');
  const { service } = ctx;
  const version = service.documents.get(uri)?.version ?? null;
  const file = service.file(uri);
  if (!file) {
    const empty = toMermaid([]);
    return { uri, version, scope: 'document', services: [], mermaid: empty.text, links: empty.links };
  }
  const offset = params.position ? service.positions(file).offsetAt(params.position) : undefined;
  const plain = service.trafficPaths(file, offset);
  // A template, a values file or a kustomization: the Services the chart or overlay renders from it.
  const { scope, paths } = (await service.renderedTrafficPaths(file, plain, AbortSignal.timeout(ORIGIN_WAIT_MS))) ?? plain;
  const graph = toMermaid(paths);
  return { uri, version, scope, services: paths, mermaid: graph.text, links: graph.links };
}

function codeLenses(ctx: ServerContext, uri: string): CodeLens[] {
  // Both lenses run the preview command, which only the VS Code client has.
  if (!ctx.clientHasTrafficPreview) return [];
  const file = ctx.service.file(uri);
  if (!file) return [];
  // The open document's line table, not a new one per request: lenses are asked for after every edit.
  const lines = ctx.service.positions(file);
  const lenses: CodeLens[] = [];
  for (const { object, chunk } of file.objects) {
    if (!isService(object)) continue;
    const start = lines.positionAt(chunk.start + (spanOf(object.root)?.start ?? object.anchorSpan.start));
    const range = { start, end: start };
    const args = [uri, start];
    lenses.push({ range, command: { title: 'Preview traffic path', command: SHOW_TRAFFIC_PREVIEW_COMMAND, arguments: args } });
    const summary = workloadSummary(object, { index: ctx.service.index, uri });
    if (summary) lenses.push({ range, command: { title: summary, command: SHOW_TRAFFIC_PREVIEW_COMMAND, arguments: args } });
  }
  return lenses;
}

/** "2 workloads, 5 replicas": what the selector of the Service in file `uri` reaches in the workspace. */
export function workloadSummary(service: ServiceModel, ctx: { index: WorkspaceIndex; uri: string }): string | undefined {
  if (service.type === 'ExternalName') return undefined;
  // The Service is then rejected (misindentedField), not one whose endpoints come from elsewhere.
  if (misindentedSelector(service)) return 'Selector mis-indented: as written it selects no pods';
  if (!service.selector) return 'No selector: endpoints are managed outside this Service';
  // A templated selector (Helm) has no value yet: say nothing rather than "no match".
  if (!usableSelector(service)) return undefined;
  // Indexed: a scan of every workload per Service takes a minute on 5,000 Services and 5,000 workloads.
  const workloads = selectionIndex(ctx.index)
    .selectedBy(service, ctx.uri)
    .map((ref) => ref.object);
  if (workloads.length === 0) return 'No matching workloads in the workspace';
  return `${plural(workloads.length, 'workload')}, ${replicaCount(workloads)}`;
}

function replicaCount(workloads: readonly WorkloadModel[]): string {
  const daemonSets = workloads.filter((w) => w.kind === 'DaemonSet').length;
  const counted = workloads.filter((w) => w.kind !== 'DaemonSet').reduce((sum, w) => sum + (w.replicas ?? 1), 0);
  if (daemonSets === workloads.length) return 'one pod per eligible node';
  return `${plural(counted, 'replica')}${daemonSets > 0 ? ' + DaemonSet pods' : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
