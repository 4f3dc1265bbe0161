import { selectionIndex } from '../kubernetes/selectionIndex';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { setScalarField } from '../document/structure';
import { isSupportedProtocol } from '../kubernetes/validation/protocols';
import { describeServicePort, describeWorkload, joinAnd, relatedAt, resolveTargetPort, workloadData } from '../kubernetes/selection';

/** The Service port and its protocol, the protocols the containers declare for it, and their workloads. */
type Data = {
  portIndex: number;
  serviceProtocol: string;
  containerProtocols: string[];
  targetPort: string | number | undefined;
  workloads: Array<ReturnType<typeof workloadData>>;
};

/**
 * FindPort (staging/src/k8s.io/endpointslice/utils.go) matches a named targetPort only on a container port with the
 * same name AND protocol, so a protocol difference drops the pod from that Service port's endpoints. A numeric
 * targetPort is used regardless, but then the Service sends e.g. UDP to a port the pod declares for TCP.
 */
export const protocolMismatch = defineServiceRule<Data>({
  id: 'protocol-mismatch',
  defaultSeverity: 'warning',
  description: "The Service port's protocol differs from the protocol of the container port it targets.",
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    const selected = selectionIndex(ctx.workspace).selectedBy(service, ctx.uri);
    if (selected.length === 0) return;
    for (const port of service.ports) {
      // protocol-unsupported reports `protocol: HTTP`; any advice to declare the container port with it would be
      // rejected just the same.
      if (!isSupportedProtocol(port.protocol)) continue;
      const mismatched = selected
        .map((ref) => ({ ref, resolution: resolveTargetPort(port, ref.object) }))
        .filter(({ resolution }) => resolution !== undefined && resolution.matches.length === 0 && resolution.otherProtocol.length > 0);
      if (mismatched.length === 0) continue;
      const containerProtocols = [...new Set(mismatched.flatMap(({ resolution }) => resolution?.otherProtocol.map((p) => p.port.protocol) ?? []))];
      const theirs = joinAnd(containerProtocols);
      const where = joinAnd(mismatched.map(({ ref }) => describeWorkload(ref, ctx.workspace)));
      const verb = mismatched.length === 1 ? 'declares' : 'declare';
      const target = port.targetPort;
      // The protocol is the point here, so it is shown even when it is the default TCP.
      const head = `Service \`${service.name ?? '(unnamed)'}\` ${port.port === undefined ? describeServicePort(port) : `port ${port.port}/${port.protocol}`}`;
      const message =
        typeof target === 'string'
          ? `${head} targets the port named \`${target}\`, but ${where} ${verb} \`${target}\` only for ${theirs}.` +
            `\nA named targetPort matches only a container port with the same name and protocol, so these pods get no endpoint for this port; use the same protocol on both sides.`
          : `${head} sends ${port.protocol} to port ${target} of the pods, but ${where} ${verb} ${target} only for ${theirs}.` +
            `\nCheck which protocol the app listens with on ${target}: if it is ${port.protocol}, declare that containerPort with protocol ${port.protocol}; otherwise set protocol: ${containerProtocols[0]} on the Service port.`;
      ctx.report({
        span: port.fields.protocol?.valueSpan ?? port.fields.port?.valueSpan ?? port.span,
        message,
        related: mismatched.flatMap(({ ref, resolution }) =>
          (resolution?.otherProtocol ?? []).map((p) =>
            relatedAt(ref, `Declared for ${p.port.protocol} in ${ref.object.kind} ${ref.object.name ?? '(unnamed)'}`, p.port.span),
          ),
        ),
        data: {
          portIndex: port.index,
          serviceProtocol: port.protocol,
          containerProtocols,
          targetPort: target,
          workloads: mismatched.map(({ ref }) => workloadData(ref, ctx.workspace)),
        },
      });
    }
  },
  /**
   * Give the Service port the protocol the containers declare for that port. (Declaring the container port with the
   * Service's protocol instead is an edit to another object, left to the user.) Offered only when the containers agree.
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    const port = target?.service.ports[ctx.data.portIndex];
    const theirs = ctx.data.containerProtocols;
    if (!port || theirs.length !== 1) return [];
    const protocol = theirs[0];
    return fixOf(`Change the Service port's protocol to ${protocol}`, [setScalarField(ctx.file.text, ctx.chunk, port.map, 'protocol', protocol)], {
      safe: false,
      preferred: true,
    });
  },
});
