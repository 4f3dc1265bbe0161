import type { Finding } from '../../analysis/analyze';
import type { FileModel } from '../../kubernetes/manifest';
import type { AnalysisSettings } from '../../analysis/settings';
import type { WorkspaceIndex } from '../../kubernetes/workspace';
import { applyEdits, type TextEdit } from '../../document/edits';
import { objectAt } from '../../analysis/analyzeRange';
import type { Fix } from '../../analysis/fix';
import { ruleById } from '../../rules';

export type { Fix } from '../../analysis/fix';

/** Every fix offered for one finding: those of the rule that reported it. */
export function fixesFor(file: FileModel, workspace: WorkspaceIndex, settings: AnalysisSettings, finding: Finding): Fix[] {
  const fixes = ruleById(finding.ruleId)?.fixes;
  const located = objectAt(file, finding.start);
  if (!fixes || !located) return [];
  try {
    return fixes({ file, workspace, settings, finding, ...located });
  } catch (error) {
    console.error(`kube-service-lens: fixes for ${finding.ruleId} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return [];
  }
}

/**
 * The preferred safe fix of every finding, dropping any that overlaps one already taken, as one edit set.
 * Overlapping fixes are left for the next round: applying fix-all again converges.
 */
export function fixAll(file: FileModel, workspace: WorkspaceIndex, settings: AnalysisSettings, findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = fixesFor(file, workspace, settings, finding).find((candidate) => candidate.safe && candidate.preferred);
    if (!fix) continue;
    const overlaps = fix.edits.some((edit) => taken.some((other) => edit.start < other.end + 1 && other.start < edit.end + 1));
    if (!overlaps) taken.push(...fix.edits);
  }
  // Validate the combination once; a conflicting set is worse than no fix.
  applyEdits(file.text, taken);
  return taken;
}
