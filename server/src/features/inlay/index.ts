/**
 * Inlay hints: what the API server fills in or resolves for a Service, shown without changing the file.
 * - `type` omitted → `ClusterIP`; `protocol` omitted → `TCP`; `targetPort` omitted → the port's own number
 *   (pkg/apis/core/v1/defaults.go SetDefaults_Service).
 * - `nodePort` omitted on NodePort, and on LoadBalancer unless `allocateLoadBalancerNodePorts: false` → allocated
 *   from the node-port range (pkg/registry/core/service/storage/alloc.go initNodePorts).
 * - a named `targetPort` → the container port number it resolves to in the selected workloads' pods (FindPort).
 * Template files get none: their values are only final once rendered.
 */
import { isService, type ServiceModel } from '../../kubernetes/model';
import { chunkAt } from '../../kubernetes/locate';
import { selectionIndex } from '../../kubernetes/selectionIndex';
import type { FileModel, PlacedChunk } from '../../kubernetes/manifest';
import { isPortName, resolveTargetPort } from '../../kubernetes/selection';
import { formatPortRange, type AnalysisSettings } from '../../analysis/settings';
import type { WorkspaceIndex } from '../../kubernetes/workspace';
import { fieldOf, scalarValue } from '../../document/yamlNodes';

export interface InlayEnv {
  file: FileModel;
  workspace: WorkspaceIndex;
  settings: AnalysisSettings;
}

export interface InlayHintEntry {
  /** Absolute offset the hint is shown at. */
  offset: number;
  label: string;
  /** Markdown. */
  tooltip: string;
}

/** Hints whose position lies in [start, end] (absolute offsets), in file order. */
export function inlayHintsIn(env: InlayEnv, start: number, end: number): InlayHintEntry[] {
  if (!env.settings.inlayHints || env.file.template) return [];
  const hints: InlayHintEntry[] = [];
  const first = chunkAt(env.file.chunks, start) ?? env.file.chunks[0];
  for (let i = first ? env.file.chunks.indexOf(first) : env.file.chunks.length; i < env.file.chunks.length; i++) {
    const chunk = env.file.chunks[i];
    if (chunk.start > end) break;
    for (const object of chunk.parsed.objects) if (isService(object)) hints.push(...serviceHints(object, chunk, env));
  }
  return hints.filter((hint) => hint.offset >= start && hint.offset <= end).sort((a, b) => a.offset - b.offset);
}

function serviceHints(service: ServiceModel, chunk: PlacedChunk, env: InlayEnv): InlayHintEntry[] {
  const hints: InlayHintEntry[] = [];
  const at = (relative: number, label: string, tooltip: string) => hints.push({ offset: chunk.start + relative, label, tooltip });
  const spec = service.fields.spec;
  if (spec && service.spec && !service.spec.flow && !service.fields.type) {
    const what =
      service.clusterIP === 'None'
        ? 'headless (`clusterIP: None`), so DNS returns the pod IPs and nothing proxies'
        : 'reachable on a virtual IP inside the cluster';
    at(afterColon(chunk, spec.keySpan.end), 'type: ClusterIP', `\`type\` is not set, so the API server makes this a \`ClusterIP\` Service: ${what}.`);
  }
  const allocates =
    service.type === 'NodePort' ||
    (service.type === 'LoadBalancer' && scalarValue(fieldOf(service.spec, 'allocateLoadBalancerNodePorts')?.node, service.doc) !== false);
  const range = formatPortRange(env.settings.nodePortRange);
  // An ExternalName Service is a DNS alias: its ports are defaulted too, but they route nothing.
  if (service.type === 'ExternalName') return hints;
  const proxied = service.clusterIP !== 'None';
  for (const port of service.ports) {
    const portField = port.fields.port;
    if (!portField || port.port === undefined || port.map.flow) continue;
    const afterPort = portField.valueSpan.end;
    if (!port.fields.targetPort) {
      const where = proxied ? ` Traffic to this Service port goes to port ${port.port} on the pods.` : '';
      at(afterPort, `targetPort: ${port.port}`, `\`targetPort\` is not set, so the API server sets it to the value of \`port\`, ${port.port}.${where}`);
    }
    if (!port.fields.protocol) at(afterPort, 'protocol: TCP', '`protocol` is not set, so the API server sets it to `TCP`.');
    if (allocates && !port.fields.nodePort) {
      at(
        afterPort,
        `nodePort: allocated from ${range}`,
        `\`nodePort\` is not set, so the API server allocates a free node port from ${range} (the node-port range configured for this workspace) when the Service is created; \`kubectl get service ${service.name ?? '<name>'}\` shows which.`,
      );
    }
    const target = port.fields.targetPort;
    if (target && typeof port.targetPort === 'string' && isPortName(port.targetPort)) {
      const resolved = resolvedNumbers(service, port.index, env);
      if (resolved.length > 0) {
        const list = resolved.map((r) => `- ${r.workload}: container port ${r.number}`).join('\n');
        at(
          target.valueSpan.end,
          `→ ${[...new Set(resolved.map((r) => r.number))].join(' | ')}`,
          `\`${port.targetPort}\` resolves, in the pods of the selected workloads, to:\n${list}`,
        );
      }
    }
  }
  return hints;
}

/** The container port numbers a named targetPort resolves to, per selected workload that declares it. */
function resolvedNumbers(service: ServiceModel, index: number, env: InlayEnv): Array<{ workload: string; number: number }> {
  const port = service.ports.find((p) => p.index === index);
  if (!port) return [];
  const numbers: Array<{ workload: string; number: number }> = [];
  for (const ref of selectionIndex(env.workspace).selectedBy(service, env.file.uri)) {
    const resolution = resolveTargetPort(port, ref.object);
    if (resolution?.resolved && resolution.podPort !== undefined)
      numbers.push({ workload: `${ref.object.kind} \`${ref.object.name ?? '(unnamed)'}\``, number: resolution.podPort });
  }
  return numbers;
}

/** Just past the `:` that follows a key (the hint then reads `spec: type: ClusterIP`). */
function afterColon(chunk: PlacedChunk, keyEnd: number): number {
  const colon = chunk.parsed.text.indexOf(':', keyEnd);
  return colon === -1 ? keyEnd : colon + 1;
}
