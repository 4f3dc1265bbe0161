import type { ServiceModel, ServicePortModel } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding } from '../analysis/fixHelpers';
import { staticBand } from '../kubernetes/nodePorts';
import { joinAnd, locate, namespaceOf, relatedAt } from '../kubernetes/selection';
import type { PortRange } from '../analysis/settings';
import type { ObjectRef } from '../kubernetes/workspace';

/** The port entry and its node port, the band automatic allocation uses last, and the other Services hand-picking. */
type Data = {
  portIndex: number;
  nodePort: number;
  staticBand: PortRange | undefined;
  othersCount: number;
  others: Array<{ name: string; namespace: string; nodePorts: number[] }>;
};

/**
 * Node ports are one pool for the whole cluster: the allocator (pkg/registry/core/service/portallocator) rejects a
 * requested port that any Service already holds ("provided port is already allocated"). The range is split in two
 * bands (calculateRangeOffset: min(max(16, size/32), 128) ports at the bottom) by KEP-3668, feature gate
 * ServiceNodePortStaticSubrange: alpha in 1.27, beta and on by default in 1.28, GA in 1.29 (pkg/features/
 * kube_features.go of each release); automatic allocation takes the upper band first, so hand-picked ports in the
 * lower band collide less with allocated ones.
 * A single hand-picked port is common and deliberate (kind extraPortMappings, firewall rules), so this only speaks
 * up once at least two Services in the workspace hand-pick node ports. Two Services asking for the very same port
 * is an error that nodePortCollision reports; this rule is about the habit, not the clash.
 */
export const nodePortHandPicked = defineServiceRule<Data>({
  id: 'nodeport-hand-picked',
  defaultSeverity: 'information',
  description: 'Several Services in the workspace hand-pick node ports, which are shared by the whole cluster and collide easily.',
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    const range = ctx.settings.nodePortRange;
    const mine = pickedPorts(service, range);
    if (mine.length === 0) return;
    // The same Service written twice (overlays, per-environment copies) is one object in a cluster, not another team.
    // Only a handful of the others are named or linked, so only those are located (a workspace may hold thousands).
    const picking = servicesPicking(ctx.workspace.services(), range);
    const othersCount = picking.refs.length - picking.sameIdentityCount(service);
    if (othersCount === 0) return;
    const shown: ObjectRef<ServiceModel>[] = [];
    for (const ref of picking.refs) {
      if (shown.length === MAX_SHOWN) break;
      if (!sameIdentity(ref.object, service)) shown.push(ref);
    }

    const band = staticBand(range);
    const listed = listing(
      shown.map((ref) => {
        const where = locate(ref, ctx.workspace);
        return `\`${ref.object.name ?? '(unnamed)'}\` (${pickedPorts(ref.object, range)
          .map((p) => p.nodePort)
          .join(', ')} at ${where.file}:${where.line})`;
      }),
      othersCount,
    );
    const otherData = shown.map((ref) => ({
      name: ref.object.name ?? '(unnamed)',
      namespace: namespaceOf(ref.object),
      nodePorts: pickedPorts(ref.object, range).map((p) => p.nodePort as number),
    }));
    const related = shown.flatMap((ref) =>
      pickedPorts(ref.object, range).map((p) =>
        relatedAt(ref, `Service ${ref.object.name ?? '(unnamed)'} also hand-picks node port ${p.nodePort}`, p.fields.nodePort?.valueSpan ?? p.span),
      ),
    );
    for (const port of mine) {
      const value = port.nodePort as number;
      ctx.report({
        span: port.fields.nodePort?.valueSpan ?? port.span,
        message:
          `Service \`${service.name ?? '(unnamed)'}\` hand-picks node port ${value}, and ${othersCount === 1 ? '1 other Service in this workspace hand-picks' : `${othersCount} other Services in this workspace hand-pick`} node ports too: ${listed}.` +
          '\nNode ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one' +
          (band ? `, or pick from ${band.first}-${band.last}, the band automatic allocation uses last.` : '.'),
        data: { portIndex: port.index, nodePort: value, staticBand: band, othersCount, others: otherData },
        related,
      });
    }
  },
  /** Hand-picked node ports collide across teams; letting Kubernetes allocate is the repair (the port then changes). */
  fixes: (ctx) => fixOf('Remove nodePort (Kubernetes allocates a free one)', [removeEntryAtFinding(ctx)], { safe: false, preferred: true }),
});

const MAX_SHOWN = 3;

interface Picking {
  refs: ObjectRef<ServiceModel>[];
  /** How many of `refs` are the given Service itself or the same Service written elsewhere. */
  sameIdentityCount(service: ServiceModel): number;
}

const pickingCache = new WeakMap<readonly ObjectRef<ServiceModel>[], { key: string; picking: Picking }>();

/**
 * The Services that hand-pick node ports, counted by identity once per workspace state and range: every picking
 * Service asks, so comparing each with all the others would be quadratic (a million comparisons at 1,000 Services).
 */
function servicesPicking(services: readonly ObjectRef<ServiceModel>[], range: PortRange): Picking {
  const key = `${range.first}-${range.last}`;
  let cached = pickingCache.get(services);
  if (!cached || cached.key !== key) {
    const refs = services.filter((ref) => pickedPorts(ref.object, range).length > 0);
    const byName = new Map<string, number>();
    const objects = new Set<ServiceModel>();
    for (const { object } of refs) {
      objects.add(object);
      if (object.name !== undefined) byName.set(identityKey(object), (byName.get(identityKey(object)) ?? 0) + 1);
    }
    const sameIdentityCount = (service: ServiceModel) => (service.name !== undefined ? (byName.get(identityKey(service)) ?? 0) : objects.has(service) ? 1 : 0);
    cached = { key, picking: { refs, sameIdentityCount } };
    pickingCache.set(services, cached);
  }
  return cached.picking;
}

const identityKey = (service: ServiceModel) => `${namespaceOf(service)}/${service.name}`;

/** `a`, `b`, `c` and 2 more: the first few named, the rest counted. */
function listing(named: string[], total: number): string {
  return total > named.length ? `${named.join(', ')} and ${total - named.length} more` : joinAnd(named);
}

/** Same name and namespace: one object in the cluster, wherever it is written. */
function sameIdentity(a: ServiceModel, b: ServiceModel): boolean {
  return a === b || (a.name !== undefined && a.name === b.name && namespaceOf(a) === namespaceOf(b));
}

/** Explicit, in-range node ports of a NodePort/LoadBalancer Service (out-of-range ones are nodePortOutOfRange's). */
function pickedPorts(service: ServiceModel, range: PortRange): ServicePortModel[] {
  if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return [];
  return service.ports.filter((p) => p.nodePort !== undefined && Number.isInteger(p.nodePort) && p.nodePort >= range.first && p.nodePort <= range.last);
}
