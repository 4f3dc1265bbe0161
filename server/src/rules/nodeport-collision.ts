import type { ServiceModel, ServicePortModel } from '../kubernetes/model';
import type { FileModel } from '../kubernetes/manifest';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, replaceNumberAtFinding } from '../analysis/fixHelpers';
import { freeNodePort, usedNodePorts } from '../kubernetes/nodePorts';
import type { PortRange } from '../analysis/settings';
import { LineIndex } from '../document/text';
import type { ObjectRef, WorkspaceIndex } from '../kubernetes/workspace';
import { decodedInt32 } from '../kubernetes/validation/names';
import { fieldOf, scalarValue, type Span } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

/** One node port a Service asks the allocator for. */
interface Claim {
  nodePort: number;
  /** The ports[] entry that writes it; undefined for healthCheckNodePort. */
  portIndex?: number;
  span: Span;
}

interface OtherClaim extends Claim {
  ref: ObjectRef<ServiceModel>;
}

/** A ports[] entry's requested node port as the API server decodes it; undefined for 0 (allocate one) or a bad value. */
function requestedNodePort(port: ServicePortModel, service: ServiceModel): number | undefined {
  return decodedInt32(port.fields.nodePort?.node, service.doc) || undefined;
}

/** healthCheckNodePort is allocated only when NeedsHealthCheck (pkg/api/service/util.go): LoadBalancer + Local. */
function healthCheckClaim(service: ServiceModel): Claim | undefined {
  if (service.type !== 'LoadBalancer' || stringOrNull(fieldOf(service.spec, 'externalTrafficPolicy'), service.doc) !== 'Local') return undefined;
  const field = fieldOf(service.spec, 'healthCheckNodePort');
  const value = decodedInt32(field?.node, service.doc);
  return field && value ? { nodePort: value, span: field.valueSpan } : undefined;
}

/** Every explicit node port of a Service that gets node ports at all (NodePort, LoadBalancer). */
function claimsOf(service: ServiceModel): Claim[] {
  if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return [];
  const claims: Claim[] = [];
  for (const port of service.ports) {
    const field = port.fields.nodePort;
    const value = requestedNodePort(port, service);
    if (field && value) claims.push({ nodePort: value, portIndex: port.index, span: field.valueSpan });
  }
  const health = healthCheckClaim(service);
  return health ? [...claims, health] : claims;
}

// Built once per workspace state: services() returns the same array until a file changes.
const indexCache = new WeakMap<readonly ObjectRef<ServiceModel>[], Map<number, OtherClaim[]>>();
const lineCache = new WeakMap<FileModel, LineIndex>();

function claimsByPort(workspace: WorkspaceIndex): Map<number, OtherClaim[]> {
  const services = workspace.services();
  let index = indexCache.get(services);
  if (!index) {
    index = new Map();
    for (const ref of services) {
      for (const claim of claimsOf(ref.object)) index.set(claim.nodePort, [...(index.get(claim.nodePort) ?? []), { ...claim, ref }]);
    }
    indexCache.set(services, index);
  }
  return index;
}

const refCache = new WeakMap<readonly ObjectRef<ServiceModel>[], Map<ServiceModel, ObjectRef<ServiceModel>>>();

function refsByObject(services: readonly ObjectRef<ServiceModel>[]): Map<ServiceModel, ObjectRef<ServiceModel>> {
  let map = refCache.get(services);
  if (!map) {
    map = new Map(services.map((ref) => [ref.object, ref]));
    refCache.set(services, map);
  }
  return map;
}

/** The same Service written twice (overlays, per-environment copies) is one object in the cluster, not a rival. */
function sameIdentity(a: ServiceModel, b: ServiceModel): boolean {
  return a === b || (a.name !== undefined && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? ''));
}

function describe(ref: ObjectRef<ServiceModel>, here: string, workspace: WorkspaceIndex, start: number): { text: string; line?: number } {
  const { name, namespace } = ref.object;
  const who = name ? `Service "${namespace ? `${namespace}/` : ''}${name}"` : 'an unnamed Service';
  const file = workspace.get(ref.uri);
  if (!file) return { text: who };
  let lines = lineCache.get(file);
  if (!lines) lineCache.set(file, (lines = new LineIndex(file.text)));
  const line = lines.positionAt(start).line;
  const where = ref.uri === here ? 'this file' : workspace.displayPath(ref.uri);
  return { text: `${who} (${where}, line ${line + 1})`, line };
}

function inRange(port: number, range: PortRange): boolean {
  return port >= range.first && port <= range.last;
}

/** One Service or file that claims the same node port. */
interface Conflict {
  uri: string;
  name?: string;
  namespace?: string;
  portIndex?: number;
  line?: number;
  start?: number;
  end?: number;
}

/** The port entry (none for healthCheckNodePort), the node port, and who else claims it. */
type Data = { portIndex: number | undefined; value: number; conflicts: Conflict[] };

/**
 * The registry allocates requested node ports before validation (initNodePorts and allocHealthCheckNodePort in
 * pkg/registry/core/service/storage/alloc.go). The allocator is cluster-wide and keyed by port number only, so a
 * node port is refused when any other Service holds it, or when this Service asks for it from two ports[] entries with
 * different `port` numbers (entries with the same `port`, e.g. 53/TCP and 53/UDP, share one). Every Service in the
 * workspace is assumed to go to one cluster; namespaces do not matter for node ports. Out-of-range ports are never
 * allocated and are nodePortOutOfRange's.
 */
export const nodePortCollision = defineServiceRule<Data>({
  id: 'nodeport-collision',
  defaultSeverity: 'error',
  description: 'A node port requested twice in one Service, or by two Services in the workspace, is refused by the API server.',
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return;
    const range = ctx.settings.nodePortRange;
    const own = new Map<number, Claim>();
    const others = claimsByPort(ctx.workspace);
    const self = refsByObject(ctx.workspace.services()).get(service);

    const conflictWith = (claim: Claim, apiText: (detail: string) => string) => {
      const fieldName = claim.portIndex === undefined ? 'healthCheckNodePort' : 'nodePort';
      const previous = own.get(claim.nodePort);
      if (previous) {
        const what = previous.portIndex === undefined ? 'healthCheckNodePort' : `ports[${previous.portIndex}]`;
        const where = self && { start: self.chunk.start + previous.span.start, end: self.chunk.start + previous.span.end };
        // initNodePorts (create) keys on `port`; updateNodePorts (update of an existing Service) only refuses the same
        // (protocol, nodePort) twice, so there entries with different protocols may share one.
        const protocols = [claim.portIndex, previous.portIndex].map((i) => service.ports.find((p) => p.index === i)?.protocol);
        const update = protocols[0] !== protocols[1] ? ' (updating an existing Service accepts it, as the protocols differ)' : '';
        const why =
          claim.portIndex === undefined
            ? 'the health-check port cannot share a node port'
            : `when the Service is created, two entries may share a node port only when they have the same port number${update}`;
        ctx.report({
          span: claim.span,
          message: `${apiText('provided port is already allocated')}\n${what} of this Service already asks for node port ${claim.nodePort}; ${why}, so choose another ${fieldName} or remove it.`,
          data: {
            portIndex: claim.portIndex,
            value: claim.nodePort,
            conflicts: [{ uri: ctx.uri, name: service.name, namespace: service.namespace, portIndex: previous.portIndex, ...where }],
          },
          related: where ? [{ uri: ctx.uri, ...where, message: `${what} already asks for node port ${claim.nodePort}` }] : [],
        });
        return;
      }
      own.set(claim.nodePort, claim);
      const rivals = (others.get(claim.nodePort) ?? []).filter((other) => !sameIdentity(other.ref.object, service) && inRange(other.nodePort, range));
      if (rivals.length === 0) return;
      const described = rivals.map((rival) => ({ rival, start: rival.ref.chunk.start + rival.span.start, end: rival.ref.chunk.start + rival.span.end }));
      const first = describe(rivals[0].ref, ctx.uri, ctx.workspace, described[0].start);
      const more = rivals.length > 1 ? ` and ${rivals.length - 1} more` : '';
      ctx.report({
        span: claim.span,
        message:
          `${apiText('provided port is already allocated')}\n${first.text}${more} also ask${more ? '' : 's'} for node port ${claim.nodePort}; a node port belongs to one Service in the whole cluster, ` +
          `so whichever is created second is refused: choose another ${fieldName} or remove it to get a free one.`,
        data: {
          portIndex: claim.portIndex,
          value: claim.nodePort,
          conflicts: described.map(({ rival, start, end }) => ({
            uri: rival.ref.uri,
            name: rival.ref.object.name,
            namespace: rival.ref.object.namespace,
            line: describe(rival.ref, ctx.uri, ctx.workspace, start).line,
            start,
            end,
          })),
        },
        related: described.map(({ rival, start, end }) => ({
          uri: rival.ref.uri,
          start,
          end,
          message: `${describe(rival.ref, ctx.uri, ctx.workspace, start).text} also asks for node port ${claim.nodePort}`,
        })),
      });
    };

    simulateNodePorts(service, (claim, pathIndex) => {
      if (inRange(claim.nodePort, range)) conflictWith(claim, (detail) => `spec.ports[${pathIndex}].nodePort: Invalid value: ${claim.nodePort}: ${detail}`);
    });
    const health = healthCheckClaim(service);
    if (health && inRange(health.nodePort, range)) {
      conflictWith(health, (detail) => `Internal error occurred: failed to allocate requested HealthCheck NodePort ${health.nodePort}: ${detail}`);
    }
  },
  /**
   * Another Service (or another port of this one) holds the node port. Removing it lets Kubernetes allocate a free one;
   * a free port in the range that no Service in the workspace uses is the alternative. Both change the port clients
   * use, so neither is applied unseen. Works for nodePort and healthCheckNodePort alike (the finding is on the value).
   */
  fixes(ctx) {
    const what = ctx.data.portIndex === undefined ? 'healthCheckNodePort' : 'nodePort';
    const fixes = fixOf(`Remove ${what} (Kubernetes allocates a free one)`, [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
    const free = freeNodePort(ctx.settings.nodePortRange, usedNodePorts(ctx.workspace), ctx.data.value);
    if (free !== undefined) fixes.push(...fixOf(`Use free node port ${free}`, [replaceNumberAtFinding(ctx, free)], { safe: false }));
    return fixes;
  },
});

/**
 * Replays initNodePorts: the first entry for a `port` number takes the node port requested by any entry with that
 * number (the error path names the first entry), later entries with that number reuse it unless they ask for another.
 */
function simulateNodePorts(service: ServiceModel, allocate: (claim: Claim, pathIndex: number) => void): void {
  const allocateAll = !(service.type === 'LoadBalancer' && scalarValue(fieldOf(service.spec, 'allocateLoadBalancerNodePorts')?.node, service.doc) === false);
  // Go keys the map by the int32 port, so a missing port and port 0 are the same key.
  const byPort = new Map<number, number | 'auto'>();
  for (const port of service.ports) {
    const requested = requestedNodePort(port, service);
    if (requested === undefined && !allocateAll) continue;
    const key = port.port ?? 0;
    const allocated = byPort.get(key);
    if (allocated === undefined) {
      const requester = service.ports.find((other) => (other.port ?? 0) === key && requestedNodePort(other, service));
      const nodePort = requester && requestedNodePort(requester, service);
      if (requester?.fields.nodePort && nodePort) {
        allocate({ nodePort, portIndex: requester.index, span: requester.fields.nodePort.valueSpan }, port.index);
        byPort.set(key, nodePort);
      } else {
        byPort.set(key, 'auto');
      }
    } else if (requested !== undefined && requested !== allocated && port.fields.nodePort) {
      allocate({ nodePort: requested, portIndex: port.index, span: port.fields.nodePort.valueSpan }, port.index);
    }
  }
}
