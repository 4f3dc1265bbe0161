import { defineRule } from '../analysis/rule';

// Reported by the render scheduler (service/rendered/) once on a chart's Chart.yaml or a kustomization file.
export const rendererNotFound = defineRule({
  id: 'renderer-not-found',
  defaultSeverity: 'information',
  description: 'No helm, kustomize or kubectl binary was found to render a chart or kustomization, so what it renders is not checked.',
  crossResource: false,
  partialSafe: true,
});
