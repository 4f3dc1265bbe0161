import { defineRule } from '../analysis/rule';

// Reported by the project-file loader on `.kube-service-lens.yaml` itself, never by the analysis of a manifest.
export const projectConfig = defineRule({
  id: 'project-config',
  defaultSeverity: 'warning',
  description: 'The project file .kube-service-lens.yaml has an entry the server cannot use, so that entry (or the whole file) is ignored.',
  crossResource: false,
  partialSafe: true,
});
