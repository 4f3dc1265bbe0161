import { selectionIndex } from '../kubernetes/selectionIndex';
import { defineServiceRule } from '../analysis/rule';
import { preferFirst, serviceSpec } from '../analysis/fixHelpers';
import { editDistance } from '../kubernetes/schema/nearMiss';
import { setScalarField } from '../document/structure';
import {
  describePort,
  describeServicePort,
  describeWorkload,
  joinAnd,
  relatedAt,
  resolveTargetPort,
  servingPorts,
  workloadData,
} from '../kubernetes/selection';

/** A container port as its workload declares it. */
interface Declared {
  name?: string;
  containerPort?: number;
  protocol: string;
}

/** The Service port and the name it targets, the workloads lacking that name, and the ports they do declare. */
type Data = { portIndex: number; targetPort: string; protocol: string; missingIn: Array<ReturnType<typeof workloadData>>; available: Declared[] };

/**
 * A named targetPort is resolved per pod by FindPort (staging/src/k8s.io/endpointslice/utils.go): the first port of
 * a container (or sidecar) with that name and the Service port's protocol. A pod without it is left out of the
 * EndpointSlice port for this Service port (getEndpointPorts skips it), so it receives no traffic on that port.
 */
export const targetPortNotFound = defineServiceRule<Data>({
  id: 'target-port-not-found',
  defaultSeverity: 'warning',
  description: 'A named targetPort that the selected pods do not declare: those pods get no endpoint for that Service port.',
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    const selected = selectionIndex(ctx.workspace).selectedBy(service, ctx.uri);
    if (selected.length === 0) return;
    for (const port of service.ports) {
      const field = port.fields.targetPort;
      if (typeof port.targetPort !== 'string' || !field) continue;
      const results = selected
        // A workload whose pod template has no containers yet tells nothing about its ports.
        .filter((ref) => ref.object.containers.length > 0)
        .map((ref) => ({ ref, resolution: resolveTargetPort(port, ref.object) }));
      if (results.length === 0 || results.some((r) => !r.resolution)) continue;
      // Same name with another protocol is protocolMismatch's finding, with a more precise explanation.
      const missing = results.filter((r) => !r.resolution?.resolved && r.resolution?.otherProtocol.length === 0);
      if (missing.length === 0) continue;
      const having = results.filter((r) => r.resolution?.resolved);

      const name = port.targetPort;
      const portText = describeServicePort(port);
      const declaredBy = (ref: (typeof missing)[number]['ref']) => {
        const declared = servingPorts(ref.object).map((p) => describePort(p.port));
        return declared.length > 0 ? `declares ${joinAnd(declared)}` : 'declares no container ports';
      };
      const missingText =
        missing.length === 1
          ? `${describeWorkload(missing[0].ref, ctx.workspace)} has no port with that name (it ${declaredBy(missing[0].ref)})`
          : `${joinAnd(missing.map(({ ref }) => `${describeWorkload(ref, ctx.workspace)} (${declaredBy(ref)})`))} have no port with that name`;
      let message = `Service \`${service.name ?? '(unnamed)'}\` ${portText} targets the container port named \`${name}\`, but ${missingText}`;
      if (having.length > 0) {
        message +=
          `; ${joinAnd(having.map(({ ref }) => describeWorkload(ref, ctx.workspace)))} ${having.length === 1 ? 'does' : 'do'}.` +
          `\nThe name is looked up in each pod, so only pods that declare \`${name}\` receive traffic on ${portText}; add the port name to the others or use a port number.`;
      } else {
        message +=
          `.\nPods without a port named \`${name}\` get no endpoint for ${portText}, so its traffic reaches no pod; ` +
          `set targetPort to a port the containers declare, or name the container port \`${name}\`.`;
      }
      const available = new Map<string, { name?: string; containerPort?: number; protocol: string }>();
      for (const { ref } of missing) {
        for (const { port: p } of servingPorts(ref.object)) {
          available.set(`${p.name}|${p.containerPort}|${p.protocol}`, { name: p.name, containerPort: p.containerPort, protocol: p.protocol });
        }
      }
      ctx.report({
        span: field.valueSpan,
        message,
        related: missing.map(({ ref }) => relatedAt(ref, `${ref.object.kind} ${ref.object.name ?? '(unnamed)'} declares no port named ${name}`)),
        data: {
          portIndex: port.index,
          targetPort: name,
          protocol: port.protocol,
          missingIn: missing.map(({ ref }) => workloadData(ref, ctx.workspace)),
          available: [...available.values()],
        },
      });
    }
  },
  /**
   * Point targetPort at a port the selected containers do declare (same protocol): by name when it has one, else by
   * number. Candidates closest to the written name come first (`https` for `http-s`); the first is preferred only when
   * there is just one such port. Offered, never applied unseen: which port the app serves this on is the user's call.
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const port = target?.service.ports[ctx.data.portIndex];
    const { targetPort: written, available } = ctx.data;
    if (!port) return [];
    const candidates = available.filter((p) => p.protocol === port.protocol && (p.name || p.containerPort !== undefined));
    const distance = (p: Declared) => editDistance(written.toLowerCase(), (p.name ?? '').toLowerCase());
    const sorted = [...candidates].sort((a, b) => distance(a) - distance(b));
    const fixes = sorted.slice(0, 4).map((p) => {
      const value: string | number = p.name ?? (p.containerPort as number);
      const detail = p.name && p.containerPort !== undefined ? ` (container port ${p.containerPort})` : '';
      return {
        title: `Change targetPort to ${value}${detail}`,
        edits: [setScalarField(ctx.file.text, ctx.chunk, port.map, 'targetPort', value)],
        safe: false,
        preferred: false,
      };
    });
    return candidates.length === 1 ? preferFirst(fixes) : fixes;
  },
});
