import type { FixProvider } from '../analysis/fix';
import { fixOf, removeEntryAtFinding } from './helpers';

/** Hand-picked node ports collide across teams; letting Kubernetes allocate is the repair (the port then changes). */
export const fixNodePortHandPicked: FixProvider = (ctx) =>
  fixOf('Remove nodePort (Kubernetes allocates a free one)', [removeEntryAtFinding(ctx)], { safe: false, preferred: true });
