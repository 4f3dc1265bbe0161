import type { FixProvider } from '../analysis/fix';
import { dataNumber, dataString, fixOf, replaceAtFinding, sameIgnoringCase, serviceSpec } from './helpers';
import { setScalarField } from '../document/structure';

/**
 * `tcp` → `TCP` (safe: case only). An application protocol written as `protocol` (`HTTP`) becomes TCP, with the
 * application protocol moved to appProtocol when Kubernetes has a name for it; a near miss (`UPD`) is only offered.
 */
export const fixProtocolUnsupported: FixProvider = (ctx) => {
  const suggestion = dataString(ctx, 'suggestion');
  const value = dataString(ctx, 'value');
  if (!suggestion || value === undefined) return [];
  const replace = replaceAtFinding(ctx, suggestion);
  const appProtocol = dataString(ctx, 'appProtocol');
  const port = serviceSpec(ctx)?.service.ports[dataNumber(ctx, 'portIndex') ?? -1];
  const fixes = [];
  if (appProtocol && port && !port.fields.appProtocol) {
    const edits = [replace, setScalarField(ctx.file.text, ctx.chunk, port.map, 'appProtocol', appProtocol)];
    fixes.push(...fixOf(`Use protocol: ${suggestion} with appProtocol: ${appProtocol}`, edits, { safe: false, preferred: true }));
  }
  const safe = !appProtocol && sameIgnoringCase(value, suggestion);
  fixes.push(...fixOf(`Change protocol to ${suggestion}`, [replace], { safe, preferred: fixes.length === 0 }));
  return fixes;
};
