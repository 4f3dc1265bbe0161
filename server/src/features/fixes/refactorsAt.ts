import { entriesOverlapping } from '../../analysis/analyzeRange';
import { isService } from '../../kubernetes/model';
import type { FileModel } from '../../kubernetes/manifest';
import type { AnalysisSettings } from '../../analysis/settings';
import type { WorkspaceIndex } from '../../kubernetes/workspace';
import { serviceRefactors, type Refactor } from '../../kubernetes/serviceEdits';

const severalServices = new WeakMap<FileModel, boolean>();

/** Whether the file holds more than one Service; asked on every cursor move, answered once per parse of the file. */
export function hasSeveralServices(file: FileModel): boolean {
  let several = severalServices.get(file);
  if (several === undefined) {
    let count = 0;
    for (const { object } of file.objects) if (isService(object) && ++count > 1) break;
    severalServices.set(file, (several = count > 1));
  }
  return several;
}

/**
 * The rewrites of every Service whose mapping overlaps the absolute offsets `start`..`end`: the one under the cursor,
 * or every one a selection touches, in file order. With several Services in the file, each title names its Service.
 */
export function refactorsAt(file: FileModel, start: number, end: number, settings: AnalysisSettings, workspace: WorkspaceIndex): Refactor[] {
  const refactors: Refactor[] = [];
  for (const { object, chunk } of entriesOverlapping(file, start, end)) {
    const span = object.root.range;
    if (!isService(object) || !span || chunk.start + span[0] > end || start > chunk.start + span[2]) continue;
    // Only now, so a cursor on a Deployment or a blank line never counts the file's Services.
    const named = hasSeveralServices(file) && !!object.name;
    for (const refactor of serviceRefactors(file.text, chunk, object, settings, workspace)) {
      refactors.push({ title: named ? `${refactor.title} [${object.name}]` : refactor.title, edits: refactor.edits });
    }
  }
  return refactors;
}
