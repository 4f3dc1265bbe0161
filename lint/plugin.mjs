// The project's own ESLint rules, wired in eslint.config.mjs and proven on fixtures by test/lint/.
import { noCycleRule } from './cycles.mjs';
import { layersRule, serverImportsRule } from './layers.mjs';

export default {
  meta: { name: 'kube-service-lens' },
  rules: {
    layers: layersRule,
    'server-imports': serverImportsRule,
    'no-cycle': noCycleRule,
  },
};
