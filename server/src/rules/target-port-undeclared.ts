import { selectionIndex } from '../kubernetes/selectionIndex';
import { defineServiceRule } from '../analysis/rule';
import { preferFirst, serviceSpec } from '../analysis/fixHelpers';
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
import { numberValue } from '../document/yamlNodes';

/** A container port as a workload declares it, with the workload's name. */
interface Declared {
  name?: string;
  containerPort?: number;
  protocol: string;
  workload?: string;
}

/** The Service port and the number it targets, the workloads not declaring it, and the ports they do declare. */
type Data = { portIndex: number; targetPort: number; missingIn: Array<ReturnType<typeof workloadData>>; declared: Declared[] };

/**
 * A numeric targetPort is used as-is (FindPort returns the number without looking at the pod), and
 * `containers[].ports` is informational: "Not specifying a port here DOES NOT prevent that port from being exposed"
 * (core/v1 Container.ports). So an undeclared number works if the app listens on it. Reported only when the pods
 * declare other ports: then the mismatch is a likely typo; pods that declare no ports at all are left alone.
 */
export const targetPortUndeclared = defineServiceRule<Data>({
  id: 'target-port-undeclared',
  defaultSeverity: 'information',
  description: 'A numeric targetPort that the selected containers, which declare other ports, do not declare as containerPort.',
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    const selected = selectionIndex(ctx.workspace).selectedBy(service, ctx.uri);
    if (selected.length === 0) return;
    for (const port of service.ports) {
      const target = port.targetPort;
      if (typeof target !== 'number') continue;
      const missing = selected.filter((ref) => {
        const resolution = resolveTargetPort(port, ref.object);
        // Same number with another protocol is protocolMismatch's finding.
        return resolution !== undefined && resolution.declaresPorts && resolution.matches.length === 0 && resolution.otherProtocol.length === 0;
      });
      if (missing.length === 0) continue;
      const span = port.fields.targetPort?.valueSpan ?? port.fields.port?.valueSpan ?? port.span;
      const written = numberValue(port.fields.targetPort?.node, service.doc);
      const how = written !== undefined && written !== 0 ? '' : ' (targetPort defaults to port)';
      const declared = joinAnd(
        missing.map((ref) => `${describeWorkload(ref, ctx.workspace)} declares only ${joinAnd(servingPorts(ref.object).map((p) => describePort(p.port)))}`),
      );
      ctx.report({
        span,
        related: missing.map((ref) => relatedAt(ref, `${ref.object.kind} ${ref.object.name ?? '(unnamed)'} does not declare ${target}`)),
        message:
          `Service \`${service.name ?? '(unnamed)'}\` ${describeServicePort(port)} sends traffic to port ${target} of the pods${how}, but ${declared}.` +
          `\nUndeclared ports still work (containerPort is informational), but check that the app really listens on ${target}.`,
        data: {
          portIndex: port.index,
          targetPort: target,
          missingIn: missing.map((ref) => workloadData(ref, ctx.workspace)),
          declared: missing.flatMap((ref) =>
            servingPorts(ref.object).map(({ port: p }) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol, workload: ref.object.name })),
          ),
        },
      });
    }
  },
  /**
   * The pods declare other ports: offer each declared containerPort of the same protocol as targetPort (added when
   * targetPort was left to default to port). Only a hint that the number may be a typo, so never applied unseen.
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const port = target?.service.ports[ctx.data.portIndex];
    if (!port) return [];
    const numbers = [
      ...new Set(ctx.data.declared.filter((p) => p.protocol === port.protocol && p.containerPort !== undefined).map((p) => p.containerPort as number)),
    ];
    const fixes = numbers.slice(0, 4).map((number) => ({
      title: `Change targetPort to ${number}`,
      edits: [setScalarField(ctx.file.text, ctx.chunk, port.map, 'targetPort', number)],
      safe: false,
      preferred: false,
    }));
    return numbers.length === 1 ? preferFirst(fixes) : fixes;
  },
});
