/**
 * Where a failed `kustomize build` goes. Kustomize names the entry it could not load (`accumulating resources from
 * 'nothere.yaml': ...`, nested with `recursed accumulation of path '<base>'` for each base it was inside, as
 * api/internal/target/kusttarget.go wraps its errors), the patch file it could not read (`failed to get the patch file
 * from path(x.yaml)`), the line of a malformed resource (`yaml: line 4: ... in File: svc.yaml`) or an unknown field of
 * the kustomization (`json: unknown field "resourcez"`). The problem goes on that entry, line or key, in the
 * kustomization that holds it; with nothing to go by, on the root kustomization's first key.
 */
import * as nodePath from 'node:path';
import { LineIndex } from '../../document/text';
import type { Origin, ReadText } from '../source';
import { readKustomization, type Entry, type Kustomization } from './kustomization';
import { fileUri, kustomizationFileIn } from './tree';

/**
 * The renderer's message without its warnings (`# Warning: 'commonLabels' is deprecated...` goes to stderr too) and
 * without the `error: ` / `Error: ` that kubectl and kustomize put before it, which the diagnostic says already.
 */
export function errorText(message: string): string {
  const lines = message.split(/\r?\n/).filter((line) => line.trim() !== '' && !/^# Warning:/.test(line));
  return (lines.length > 0 ? lines : [message])
    .join('\n')
    .trim()
    .replace(/^error: /i, '');
}

export function problemOrigin(rootDir: string, message: string, read: ReadText, via: string): Origin {
  const root = kustomizationAt(rootDir, read);
  const fallback: Origin = root
    ? { uri: fileUri(root.path), start: root.anchor.start, end: root.anchor.end, via }
    : { uri: fileUri(nodePath.join(rootDir, 'kustomization.yaml')), start: 0, end: 0, via };
  if (!root) return fallback;

  // Follow the chain of resources kustomize was loading, base by base.
  let current = root;
  let placed: { kustomization: Kustomization; entry: Entry } | undefined;
  for (const match of message.matchAll(/accumulating resources from '([^']+)'|recursed accumulation of path '([^']+)'/g)) {
    if (match[1] !== undefined) {
      const entry = current.resources.find((candidate) => candidate.value === match[1]);
      if (entry) placed = { kustomization: current, entry };
    } else {
      const inner = kustomizationAt(match[2], read);
      if (!inner) break;
      current = inner;
    }
  }
  if (placed) {
    const inFile = malformedLine(message, placed, read, via);
    return inFile ?? { uri: fileUri(placed.kustomization.path), ...placed.entry.span, via };
  }

  const unknownField = /unknown field "([^"]+)"/.exec(message);
  if (unknownField) {
    const key = new RegExp(`^[ \\t]*${escapeRegExp(unknownField[1])}[ \\t]*:`, 'm').exec(current.text);
    if (key) {
      const start = key.index + key[0].indexOf(unknownField[1]);
      return { uri: fileUri(current.path), start, end: start + unknownField[1].length, via };
    }
  }

  // Any local entry of the kustomization the message names, quoted or in parentheses, the earliest mention first.
  const named = namedEntries(root)
    .map((entry) => ({ entry, at: mentionOf(message, entry.value) }))
    .filter((candidate) => candidate.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  return named ? { uri: fileUri(root.path), ...named.entry.span, via } : fallback;
}

function kustomizationAt(dir: string, read: ReadText): Kustomization | undefined {
  const file = kustomizationFileIn(dir, read);
  return file && readKustomization(file.path, file.text);
}

/** `MalformedYAMLError: yaml: line N: ... in File: x.yaml` about the entry's own file: that line of that file. */
function malformedLine(message: string, placed: { kustomization: Kustomization; entry: Entry }, read: ReadText, via: string): Origin | undefined {
  const match = /yaml: line (\d+):[^\n]*?in File: (\S+)/.exec(message);
  if (!match || match[2] !== placed.entry.value) return undefined;
  const path = nodePath.resolve(nodePath.dirname(placed.kustomization.path), match[2]);
  const text = read(path);
  if (text === undefined) return undefined;
  const lines = new LineIndex(text);
  // go-yaml counts lines from 1.
  const line = Math.min(Number(match[1]) - 1, lines.lineCount - 1);
  const start = lines.offsetAt({ line, character: 0 });
  const end = line + 1 < lines.lineCount ? lines.offsetAt({ line: line + 1, character: 0 }) : text.length;
  const content = text.slice(start, end).replace(/\r?\n$/, '');
  const indent = /^\s*/.exec(content)![0].length;
  return { uri: fileUri(path), start: start + indent, end: start + content.length, via };
}

function namedEntries(kustomization: Kustomization): Entry[] {
  return [
    ...kustomization.resources,
    ...kustomization.components,
    ...kustomization.patches.flatMap((patch) => (patch.path ? [patch.path] : [])),
    ...kustomization.files,
  ];
}

function mentionOf(message: string, value: string): number {
  const positions = [`'${value}'`, `(${value})`, `"${value}"`].map((quoted) => message.indexOf(quoted)).filter((at) => at >= 0);
  return positions.length > 0 ? Math.min(...positions) : -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
