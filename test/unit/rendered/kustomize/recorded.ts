/**
 * Kustomize builds as recorded text: the files of a build in memory and the output `kubectl kustomize` printed for
 * them, so the origin map is tested without the binary.
 */
import * as path from 'node:path';
import { kustomizeSource } from '../../../../server/src/rendered/kustomize';
import type { Origin, Rendered } from '../../../../server/src/rendered/source';

export const ROOT = '/repo';

export function memoryFiles(files: Record<string, string>): (file: string) => string | undefined {
  const byPath = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  return (file) => byPath.get(file);
}

export function interpretRecorded(dir: string, files: Record<string, string>, stdout: string): Rendered {
  const rootDir = path.join(ROOT, dir);
  const [variant] = kustomizeSource.variants(rootDir, ['kustomization.yaml'], { helmValueSets: [], helmValuesFiles: [] });
  return kustomizeSource.interpret(rootDir, variant, stdout, {
    read: memoryFiles(files),
    run: async () => ({ ok: false, reason: 'refused', message: 'not run in these tests' }),
  });
}

/** Where the rendered text `needle` (the `occurrence`-th one after `after`) came from, as `file:line: text`. */
export async function originAt(rendered: Rendered, files: Record<string, string>, needle: string, after = ''): Promise<string | undefined> {
  const text = rendered.file.text;
  const from = after === '' ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`no ${JSON.stringify(after)} in the output`);
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`no ${JSON.stringify(needle)} after ${JSON.stringify(after)} in the output`);
  const origin = await rendered.originOf(start, start + needle.length, new AbortController().signal);
  return origin && describe(origin, files);
}

export function describe(origin: Origin, files: Record<string, string>): string {
  const name = path.relative(ROOT, new URL(origin.uri).pathname);
  const text = files[name];
  if (text === undefined) return `${name}?`;
  const line = text.slice(0, origin.start).split('\n').length;
  return `${name}:${line}: ${text.slice(origin.start, origin.end)}`;
}
