import { isWorkload, type WorkloadModel } from '../model';
import type { FileModel } from '../parse';

/**
 * Tells whether a file's workloads changed since it was last looked at. CodeLens counts and resolved targetPorts in
 * one file depend on the workloads of every other file; editors cache both, so a change elsewhere must make them
 * ask again, but a keystroke that leaves every workload alone must not. parse.ts reuses the parse of unchanged
 * documents, so an untouched workload is the very same object and identity is enough.
 */
export class WorkloadChanges {
  private readonly seen = new Map<string, readonly WorkloadModel[]>();

  changed(uri: string, file: FileModel | undefined): boolean {
    const now = file ? file.objects.map(({ object }) => object).filter(isWorkload) : [];
    const before = this.seen.get(uri) ?? [];
    if (now.length > 0) this.seen.set(uri, now);
    else this.seen.delete(uri);
    return now.length !== before.length || now.some((workload, i) => workload !== before[i]);
  }
}
