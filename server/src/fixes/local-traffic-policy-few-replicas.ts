import type { FixProvider } from '../analysis/fix';
import { fixOf, serviceSpec } from './helpers';
import { removePair } from '../document/edits';
import { CLUSTER_POLICY_TITLE } from '../kubernetes/serviceEdits';
import { setScalarField } from '../document/structure';
import { fieldOf } from '../document/yamlNodes';

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
