import { isWorkload } from '../../kubernetes/model';
import type { FileModel, ParsedChunk } from '../../kubernetes/manifest';

/**
 * Tells whether a file's workloads changed since it was last looked at. CodeLens counts and resolved targetPorts in
 * one file depend on the workloads of every other file; editors cache both, so a change elsewhere must make them
 * ask again, but a keystroke that leaves every workload alone must not. parse.ts reuses the parse of unchanged
 * documents, so an untouched workload sits in the very same ParsedChunk and identity is enough.
 */
export class WorkloadChanges {
  private readonly seen = new Map<string, ReadonlySet<ParsedChunk>>();

  changed(uri: string, file: FileModel | undefined): boolean {
    const before = this.seen.get(uri);
    const now = new Set<ParsedChunk>();
    let changed = false;
    for (const { parsed } of file?.chunks ?? []) {
      if (!hasWorkload(parsed)) continue;
      now.add(parsed);
      if (!before?.has(parsed)) changed = true;
    }
    if (now.size > 0) this.seen.set(uri, now);
    else this.seen.delete(uri);
    return changed || now.size !== (before?.size ?? 0);
  }
}

const withWorkloads = new WeakMap<ParsedChunk, boolean>();

/** Memoised per parse: the keystroke path asks for every document of a 10,000-document file. */
function hasWorkload(chunk: ParsedChunk): boolean {
  let result = withWorkloads.get(chunk);
  if (result === undefined) withWorkloads.set(chunk, (result = chunk.objects.some(isWorkload)));
  return result;
}
