import { isMap } from 'yaml';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, removeEntryAtFinding, serviceSpec } from '../analysis/fixHelpers';
import { setScalarField } from '../document/structure';
import { fieldOf } from '../document/yamlNodes';
import { stringOrNull } from '../kubernetes/validation/decode';

/**
 * v1 defaulting (SetDefaults_Service in pkg/apis/core/v1/defaults.go) sets an empty sessionAffinity to None and then
 * deletes sessionAffinityConfig whenever sessionAffinity is None, before validation could object (its Forbidden
 * "must not be set when session affinity is None" is unreachable). The config is silently dropped.
 */
export const sessionAffinityConfigIgnored = defineServiceRule<{ suggestion: 'ClientIP' }>({
  id: 'session-affinity-config-ignored',
  defaultSeverity: 'warning',
  description: 'sessionAffinityConfig without sessionAffinity: ClientIP is silently dropped by the API server.',
  crossResource: false,
  partialSafe: false,
  check(service, ctx) {
    const config = fieldOf(service.spec, 'sessionAffinityConfig');
    if (!config || !isMap(config.node)) return;
    const affinity = stringOrNull(fieldOf(service.spec, 'sessionAffinity'), service.doc);
    if (affinity !== null && affinity !== '' && affinity !== 'None') return;
    ctx.report({
      span: config.keySpan,
      message:
        'spec.sessionAffinityConfig has no effect: sessionAffinity is None, so the API server discards this config.\n' +
        'Add sessionAffinity: ClientIP if connections from one client should keep going to the same Pod.',
      data: { suggestion: 'ClientIP' },
      tags: ['unnecessary'],
    });
  },
  /**
   * The API server drops sessionAffinityConfig when sessionAffinity is None, so removing it changes nothing (safe).
   * Turning stickiness on instead changes behaviour, so it is only offered.
   */
  fixes(ctx) {
    const fixes = fixOf('Remove sessionAffinityConfig (dropped while sessionAffinity is None)', [removeEntryAtFinding(ctx)], { safe: true, preferred: true });
    const target = serviceSpec(ctx);
    if (target) {
      const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'sessionAffinity', 'ClientIP')];
      fixes.push(...fixOf('Set sessionAffinity: ClientIP (keep each client on one pod)', edits, { safe: false }));
    }
    return fixes;
  },
});
