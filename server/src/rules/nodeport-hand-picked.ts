import type { ServiceModel, ServicePortModel } from '../core/model';
import { serviceRule } from '../core/rule';
import { joinAnd, locate, namespaceOf, relatedAt } from '../core/selection';
import type { PortRange } from '../core/settings';
import type { ObjectRef } from '../core/workspace';

/**
 * Node ports are one pool for the whole cluster: the allocator (pkg/registry/core/service/portallocator) rejects a
 * requested port that any Service already holds ("provided port is already allocated"). Since Kubernetes 1.29 the
 * range is split in two bands (calculateRangeOffset: min(max(16, size/32), 128) ports at the bottom); automatic
 * allocation takes the upper band first, so hand-picked ports in the lower band collide less with allocated ones.
 * A single hand-picked port is common and deliberate (kind extraPortMappings, firewall rules), so this only speaks
 * up once at least two Services in the workspace hand-pick node ports. Two Services asking for the very same port
 * is an error that nodeport-collision reports; this rule is about the habit, not the clash.
 */
export const nodePortHandPicked = serviceRule({
  id: 'nodeport-hand-picked',
  defaultSeverity: 'information',
  description: 'Several Services in the workspace hand-pick node ports, which are shared by the whole cluster and collide easily.',
  crossResource: true,
  check(service, ctx) {
    const range = ctx.settings.nodePortRange;
    const mine = pickedPorts(service, range);
    if (mine.length === 0) return;
    // The same Service written twice (overlays, per-environment copies) is one object in a cluster, not another team.
    // Only a handful of the others are named or linked, so only those are located (a workspace may hold thousands).
    let othersCount = 0;
    const shown: ObjectRef<ServiceModel>[] = [];
    for (const ref of servicesPicking(ctx.workspace.services(), range)) {
      if (sameIdentity(ref.object, service)) continue;
      othersCount++;
      if (shown.length < MAX_SHOWN) shown.push(ref);
    }
    if (othersCount === 0) return;

    const band = staticBand(range);
    const otherData = shown.map((ref) => describe(ref, ctx.workspace, range));
    const listed = joinAnd(otherData.slice(0, 3).map((o) => `\`${o.name}\` (${o.file}:${o.line})`)) + (othersCount > 3 ? ` and ${othersCount - 3} more` : '');
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
          `Service \`${service.name ?? '(unnamed)'}\` hand-picks node port ${value}, as ${othersCount === 1 ? 'does 1 other Service' : `do ${othersCount} other Services`} in this workspace (${listed}).` +
          '\nNode ports are shared by the whole cluster, so hand-picked numbers collide across teams and environments; remove nodePort to let Kubernetes allocate a free one' +
          (band ? `, or pick from ${band.first}-${band.last}, the band automatic allocation uses last.` : '.'),
        data: { portIndex: port.index, nodePort: value, staticBand: band, othersCount, others: otherData },
        related,
      });
    }
  },
});

const MAX_SHOWN = 3;
const pickingCache = new WeakMap<readonly ObjectRef<ServiceModel>[], { key: string; refs: ObjectRef<ServiceModel>[] }>();

/** The Services that hand-pick node ports, computed once per workspace state and range. */
function servicesPicking(services: readonly ObjectRef<ServiceModel>[], range: PortRange): ObjectRef<ServiceModel>[] {
  const key = `${range.first}-${range.last}`;
  let cached = pickingCache.get(services);
  if (!cached || cached.key !== key) {
    cached = { key, refs: services.filter((ref) => pickedPorts(ref.object, range).length > 0) };
    pickingCache.set(services, cached);
  }
  return cached.refs;
}

/** Same name and namespace: one object in the cluster, wherever it is written. */
function sameIdentity(a: ServiceModel, b: ServiceModel): boolean {
  return a === b || (a.name !== undefined && a.name === b.name && namespaceOf(a) === namespaceOf(b));
}

/** Explicit, in-range node ports of a NodePort/LoadBalancer Service (out-of-range ones are nodeport-out-of-range's). */
function pickedPorts(service: ServiceModel, range: PortRange): ServicePortModel[] {
  if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return [];
  return service.ports.filter((p) => p.nodePort !== undefined && Number.isInteger(p.nodePort) && p.nodePort >= range.first && p.nodePort <= range.last);
}

function describe(ref: ObjectRef<ServiceModel>, workspace: Parameters<typeof locate>[1], range: PortRange) {
  const where = locate(ref, workspace);
  return {
    name: ref.object.name ?? '(unnamed)',
    namespace: namespaceOf(ref.object),
    uri: where.uri,
    file: where.file,
    line: where.line,
    range: where.range,
    nodePorts: pickedPorts(ref.object, range).map((p) => p.nodePort as number),
  };
}

/** The lower band reserved for static assignment (portallocator calculateRangeOffset); none for tiny ranges. */
export function staticBand(range: PortRange): PortRange | undefined {
  const size = range.last - range.first + 1;
  if (size <= 16) return undefined;
  const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
  return { first: range.first, last: range.first + offset - 1 };
}
