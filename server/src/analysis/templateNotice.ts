import type { FileModel } from '../kubernetes/manifest';
import type { Finding } from './finding';
import { limitNotices } from './limits';
import { defineRule } from './rule';
import type { AnalysisSettings } from './settings';

// Reported by templateNotice instead of any check: no rule runs on a template file (document/templates.ts).
export const templateNotChecked = defineRule({
  id: 'template-not-checked',
  defaultSeverity: 'hint',
  description: 'The file contains Go template syntax ({{ ... }}), as a Helm chart template does, so it is not checked until rendered.',
  crossResource: false,
  partialSafe: true,
});

/** Top-level `apiVersion:` and `kind:` lines: a manifest, not YAML that merely embeds one in a string. */
const looksLikeManifest = (text: string) => /^apiVersion[ \t]*:/m.test(text) && /^kind[ \t]*:/m.test(text);

/** One quiet note per template file instead of false alarms on every unrendered line. */
export function templateNotice(file: FileModel, settings: AnalysisSettings): Finding[] {
  const notices = limitNotices(file, settings);
  const severity = settings.severities[templateNotChecked.id];
  if (severity === 'off' || (file.objects.length === 0 && !looksLikeManifest(file.text))) return notices;
  const at = Math.max(0, file.text.indexOf('{{'));
  return [
    ...notices,
    {
      ruleId: templateNotChecked.id,
      severity: severity ?? templateNotChecked.defaultSeverity,
      message:
        'This file contains Go template syntax ({{ ... }}), as in a Helm chart, so it is not checked: its YAML only becomes final when rendered. ' +
        'Check the rendered output instead (for example `helm template . > rendered.yaml`).',
      start: at,
      end: at + 2,
    },
  ];
}
