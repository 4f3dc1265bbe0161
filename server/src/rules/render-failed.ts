import { defineRule } from '../analysis/rule';

// Reported by the render scheduler (service/rendered/) on the file and line the renderer's error names, never by the
// analysis of a manifest: a render that failed has no objects to check.
export const renderFailed = defineRule({
  id: 'render-failed',
  defaultSeverity: 'warning',
  description: 'helm template or kustomize build failed for a chart or kustomization, so nothing it would render is checked.',
  crossResource: false,
  partialSafe: true,
});
