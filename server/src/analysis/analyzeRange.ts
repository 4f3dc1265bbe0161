import { analyzeFile, type CrossMode, type Finding } from './analyze';
import { fileTooLarge, limitNotices } from './limits';
import type { K8sObject } from '../kubernetes/model';
import { chunkIndexAt, type FileModel, type PlacedChunk } from '../kubernetes/manifest';
import type { Rule } from './rule';
import type { AnalysisSettings } from './settings';
import type { WorkspaceIndex } from '../kubernetes/workspace';

/** limitNotices puts the file-size notice at offsets 0..min(end of line 1, 200). */
const SIZE_NOTICE_MAX_END = 200;

const chunkEnd = (chunk: PlacedChunk) => chunk.start + chunk.parsed.text.length;

/** The chunks (YAML documents) that touch the offsets `start`..`end`, ends included, in file order. */
export function chunksOverlapping(file: FileModel, start: number, end: number): PlacedChunk[] {
  const chunks = file.chunks;
  let first = Math.max(0, chunkIndexAt(chunks, start));
  // A chunk that ends exactly at `start` touches it too.
  while (first > 0 && chunkEnd(chunks[first - 1]) >= start) first--;
  const found: PlacedChunk[] = [];
  for (let i = first; i < chunks.length && chunks[i].start <= end; i++) if (chunkEnd(chunks[i]) >= start) found.push(chunks[i]);
  return found;
}

/** The objects of those chunks with their chunk, in the order `file.objects` lists them. */
export function entriesOverlapping(file: FileModel, start: number, end: number): Array<{ object: K8sObject; chunk: PlacedChunk }> {
  return entriesOf(chunksOverlapping(file, start, end));
}

// parseFile lists each chunk's objects in `file.objects` in this very order, with the same PlacedChunk.
const entriesOf = (chunks: readonly PlacedChunk[]) => chunks.flatMap((chunk) => chunk.parsed.objects.map((object) => ({ object, chunk })));

/**
 * What analyzeFile reports for the documents touching `start`..`end`: the same findings, in the same order, as
 * `analyzeFile(file, ...)` restricted to those documents, plus the file-size notice when it touches the range. Every
 * finding lies within its document (rules report spans of the nodes they judge), so any finding whose range lies in
 * `start`..`end` is among them; a quick fix looks up the finding behind one diagnostic this way.
 *
 * It runs analyzeFile on a view of the file holding only those chunks, so chunk-local results come from the same
 * per-chunk cache and cross-resource ones from the same per-object cache (or are computed and cached as analyzeFile
 * would). The view has no `truncated`: the size notice describes the whole file, so it is taken from the whole file.
 */
export function analyzeRange(
  file: FileModel,
  workspace: WorkspaceIndex,
  settings: AnalysisSettings,
  rules: readonly Rule[],
  start: number,
  end: number,
  mode: CrossMode = 'full',
): Finding[] {
  // A template file gets one notice and no analysis: nothing to save.
  if (file.template) return analyzeFile(file, workspace, settings, rules, mode);
  const from = Math.min(start, end);
  const chunks = chunksOverlapping(file, from, Math.max(start, end));
  const findings = analyzeFile({ ...file, chunks, objects: entriesOf(chunks), truncated: undefined }, workspace, settings, rules, mode);
  // The notice sits on line 1, at most SIZE_NOTICE_MAX_END characters long; building it scans the whole text.
  if (!file.truncated || from > SIZE_NOTICE_MAX_END) return findings;
  const notice = limitNotices(file, settings).find((finding) => finding.ruleId === fileTooLarge.id);
  if (!notice || notice.end < from) return findings;
  // First, as analyzeFile places it before any other finding; the stable sort then keeps their relative order.
  return [notice, ...findings].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The object (and its chunk) whose mapping contains an absolute offset. */
export function objectAt(file: FileModel, offset: number): { object: K8sObject; chunk: PlacedChunk } | undefined {
  let found: { object: K8sObject; chunk: PlacedChunk } | undefined;
  // Only the documents at the offset can contain it; fix-all asks once per finding of a file of thousands.
  for (const entry of entriesOverlapping(file, offset, offset)) {
    const range = entry.object.root.range;
    if (!range) continue;
    const start = entry.chunk.start + range[0];
    const end = entry.chunk.start + range[2];
    // Inner objects (List items) come after their container, so the last match is the innermost.
    if (offset >= start && offset <= end) found = entry;
  }
  return found;
}
