import { apiError } from '../kubernetes/apiError';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, replaceAtFinding, sameIgnoringCase, serviceSpec } from '../analysis/fixHelpers';
import { setScalarField } from '../document/structure';
import { decodedString } from '../kubernetes/validation/names';
import { didYouMean } from '../kubernetes/schema/nearMiss';
import { isSupportedProtocol, SUPPORTED_PROTOCOLS } from '../kubernetes/validation/protocols';

/** Application protocols people write as `protocol`; they all travel over TCP. The value is the appProtocol to offer. */
const OVER_TCP: Record<string, string | undefined> = {
  http: 'http',
  https: 'https',
  h2c: 'kubernetes.io/h2c',
  ws: 'kubernetes.io/ws',
  wss: 'kubernetes.io/wss',
  http2: undefined,
  grpc: undefined,
  tls: undefined,
};

/** The port entry and the protocol as written; the protocol meant, and the appProtocol an application protocol names. */
type Data = { portIndex: number; value: string; suggestion?: string; appProtocol?: string };

/**
 * validateServicePort (pkg/apis/core/validation/validation.go): protocol is TCP, UDP or SCTP, upper case. An empty
 * or omitted protocol was already defaulted to TCP.
 */
export const protocolUnsupported = defineServiceRule<Data>({
  id: 'protocol-unsupported',
  defaultSeverity: 'error',
  description: 'A Service port protocol is not TCP, UDP or SCTP (the values are case-sensitive).',
  crossResource: false,
  partialSafe: true,
  check(service, ctx) {
    for (const port of service.ports) {
      const field = port.fields.protocol;
      const value = decodedString(field?.node, service.doc);
      if (!field || !value || isSupportedProtocol(value)) continue;
      const key = value.toLowerCase().replace(/[^a-z0-9]/g, ''); // HTTP/2 → http2
      let suggestion: string | undefined;
      let appProtocol: string | undefined;
      let advice: string;
      if (key in OVER_TCP) {
        suggestion = 'TCP';
        appProtocol = OVER_TCP[key];
        advice = `${value} runs over TCP and a Service port only names the transport: use protocol: TCP${appProtocol ? ` (and appProtocol: ${appProtocol} to name the application protocol)` : ''}.`;
      } else if (/tcp/i.test(value) && /udp/i.test(value)) {
        advice = 'A port entry has exactly one protocol: write two entries with the same port number, one with protocol: TCP and one with protocol: UDP.';
      } else {
        suggestion = didYouMean(value, SUPPORTED_PROTOCOLS);
        advice = suggestion ? `Protocol names are case-sensitive: did you mean ${suggestion}?` : 'Use TCP (the default when omitted), UDP or SCTP.';
      }
      ctx.report({
        span: field.valueSpan,
        message: `${apiError.unsupported(`spec.ports[${port.index}].protocol`, value, SUPPORTED_PROTOCOLS)}\n${advice}`,
        data: { portIndex: port.index, value, ...(suggestion ? { suggestion } : {}), ...(appProtocol ? { appProtocol } : {}) },
      });
    }
  },
  /**
   * `tcp` → `TCP` (safe: case only). An application protocol written as `protocol` (`HTTP`) becomes TCP, with the
   * application protocol moved to appProtocol when Kubernetes has a name for it; a near miss (`UPD`) is only offered.
   */
  fixes(ctx) {
    const { suggestion, value, appProtocol } = ctx.data;
    if (!suggestion) return [];
    const replace = replaceAtFinding(ctx, suggestion);
    const port = serviceSpec(ctx)?.service.ports[ctx.data.portIndex];
    const fixes = [];
    if (appProtocol && port && !port.fields.appProtocol) {
      const edits = [replace, setScalarField(ctx.file.text, ctx.chunk, port.map, 'appProtocol', appProtocol)];
      fixes.push(...fixOf(`Use protocol: ${suggestion} with appProtocol: ${appProtocol}`, edits, { safe: false, preferred: true }));
    }
    const safe = !appProtocol && sameIgnoringCase(value, suggestion);
    fixes.push(...fixOf(`Change protocol to ${suggestion}`, [replace], { safe, preferred: fixes.length === 0 }));
    return fixes;
  },
});
