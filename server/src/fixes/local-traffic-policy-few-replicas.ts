import type { FixProvider } from '../core/fixes/fix';
import { fixOf, serviceSpec } from '../core/fixes/helpers';
import { removePair } from '../core/fixes/edits';
import { CLUSTER_POLICY_TITLE } from '../core/fixes/refactors';
import { setScalarField } from '../core/fixes/structure';
import { fieldOf } from '../core/yamlNodes';

/**
 * Switch to externalTrafficPolicy: Cluster, as the refactoring does: every node then forwards external traffic, and
 * healthCheckNodePort (only allowed with Local) goes. The client source IP is lost, so it is the user's choice.
 */
export const fixLocalTrafficPolicyFewReplicas: FixProvider = (ctx) => {
  const target = serviceSpec(ctx);
  if (!target) return [];
  const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'externalTrafficPolicy', 'Cluster')];
  const health = fieldOf(target.spec, 'healthCheckNodePort');
  if (health) edits.push(removePair(ctx.file.text, ctx.chunk, target.spec, health.pair));
  return fixOf(CLUSTER_POLICY_TITLE, edits, { safe: false, preferred: true });
};
