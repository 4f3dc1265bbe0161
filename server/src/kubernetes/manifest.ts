import { parseAllDocuments, type Document } from 'yaml';
import { splitChunks, type TextChunk } from '../document/chunks';
import { resplitChunks } from '../document/resplit';
import { extractObjects } from './extract';
import { isGoTemplate } from '../document/templates';
import { nestsTooDeep } from '../document/nesting';
import { isWorkload, type K8sObject } from './model';
import type { Span } from '../document/yamlNodes';

export interface YamlSyntaxError {
  span: Span;
  message: string;
  code: string;
}

/** One `---`-delimited slice of a file, parsed once and reusable wherever the same text appears. */
export interface ParsedChunk {
  readonly text: string;
  readonly docs: Document[];
  /**
   * The objects of the chunk's documents that parse. A document with YAML syntax errors contributes none: the parser
   * recovers it into a guess of what the user meant (a mis-indented line can turn one port into two), so no rule
   * judges it, no feature explains it and no Service selects it (see `recovered`).
   */
  readonly objects: K8sObject[];
  readonly syntaxErrors: YamlSyntaxError[];
  /** Set when a document of the chunk has syntax errors and its objects were left out of `objects`. */
  readonly recovered?: true;
  /**
   * The workloads of the documents left out of `objects`, as the parser guessed them. Nothing judges or explains them;
   * only Services in other documents still select them (workspace.ts), so typing through a broken moment in a
   * Deployment's file does not tell every Service that selects it that it matches nothing.
   */
  readonly guessedWorkloads?: K8sObject[];
  /**
   * Set when a line scan showed the chunk is one object of a kind nothing here looks at (a CRD, a ConfigMap):
   * it is not composed at all, which is most of the work on real install manifests. `parseChunk(text, true)`
   * composes it when a feature needs it after all.
   */
  readonly skippedKind?: string;
  /** Set when the document nests too deep to hand to the parser at all (see limits.ts); nothing else is set then. */
  readonly tooDeep?: true;
}

/** Kinds whose documents are composed: Services, what they select, and what routes to them. */
const RELEVANT_KINDS = new Set([
  'Service',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Ingress',
  'HTTPRoute',
  'GRPCRoute',
  'TCPRoute',
  'TLSRoute',
  'UDPRoute',
  'Gateway',
  'EndpointSlice',
  'Endpoints',
]);
const TOP_LEVEL_KIND = /^kind:[ \t]*(["']?)([A-Za-z0-9]+)\1[ \t]*(?:#.*)?\r?$/gm;
const DOCUMENT_END = /^\.\.\.(?:[ \t]|\r?$)/m;

/** The kind of a single-object chunk when a line scan can tell for certain, else undefined. */
function scannedKind(text: string): string | undefined {
  const matches = [...text.matchAll(TOP_LEVEL_KIND)];
  if (matches.length !== 1 || DOCUMENT_END.test(text)) return undefined;
  return matches[0][2];
}

/** A chunk placed in a file: the same ParsedChunk may sit at different offsets as the file is edited. */
export interface PlacedChunk {
  start: number;
  parsed: ParsedChunk;
}

export interface FileModel {
  uri: string;
  text: string;
  chunks: PlacedChunk[];
  /** Go-templated (Helm) text: objects are indexed where they parse, but the file is not judged. */
  template: boolean;
  /** Every object with its chunk, in file order. */
  objects: Array<{ object: K8sObject; chunk: PlacedChunk }>;
  /**
   * Set when the text is longer than the size limit: only the documents that end within `limit` characters were
   * parsed (`chunks` holds just those), up to offset `analysedUpTo`.
   */
  truncated?: { limit: number; analysedUpTo: number };
}

/** What a new parse can reuse: an earlier model of the file, or the chunks an unfinished parse got through. */
export interface PreviousParse {
  readonly chunks: readonly PlacedChunk[];
  /** The text `chunks` were split from, when they cover all of it (see resplit.ts). */
  readonly text?: string;
  readonly truncated?: FileModel['truncated'];
}

export interface ParseOptions {
  /** Parse only the documents that end within this many characters (see limits.ts); undefined for no limit. */
  maxSize?: number;
}

export function parseChunk(text: string, compose = false): ParsedChunk {
  const kind = compose ? undefined : scannedKind(text);
  if (kind !== undefined && !RELEVANT_KINDS.has(kind) && !kind.endsWith('List')) {
    return { text, docs: [], objects: [], syntaxErrors: [], skippedKind: kind };
  }
  if (nestsTooDeep(text)) return { text, docs: [], objects: [], syntaxErrors: [], tooDeep: true };
  // `uniqueKeys` stays on so duplicate keys are visible: kubectl keeps the last value silently (duplicateField).
  const docs = parseAllDocuments(text, { keepSourceTokens: false, prettyErrors: false }) as Document[];
  const list = Array.isArray(docs) ? docs : [];
  const syntaxErrors: YamlSyntaxError[] = [];
  const objects: K8sObject[] = [];
  const guessedWorkloads: K8sObject[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      syntaxErrors.push({ span: errorSpan(text, error.pos), message: error.message, code: error.code });
    }
    if (parses(doc)) objects.push(...extractObjects(doc));
    else guessedWorkloads.push(...extractObjects(doc).filter(isWorkload));
  }
  const recovered = list.some((doc) => !parses(doc));
  return recovered ? { text, docs: list, objects, syntaxErrors, recovered, guessedWorkloads } : { text, docs: list, objects, syntaxErrors };
}

/**
 * Whether a document parsed as written. With any other error kubectl fails on the YAML before the API server decodes
 * a thing, and the parser's recovered tree is only a guess: judging it turns one typo into a cascade of bogus
 * findings, and rewriting it could delete the user's text (a mis-indented line can make `type` swallow the rest of
 * the document; fuzz-found). Duplicate keys are the exception: go-yaml accepts them and keeps the last value (see
 * yamlNodes.ts), the rest of the document is intact, and duplicateField says what happens.
 */
function parses(doc: Document): boolean {
  return doc.errors.every((error) => error.code === 'DUPLICATE_KEY');
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Where a YAML error goes: `yaml` reports an error at the end of the input (an unterminated quote) one character
 * past it, and may point between the two halves of a surrogate pair (an emoji), which is no LSP position.
 */
function errorSpan(text: string, [from, to]: [number, number]): Span {
  let start = Math.min(from, text.length);
  let end = Math.min(Math.max(to, start), text.length);
  if (start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end > 0 && end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

/**
 * A chart's `templates/` folder holds Helm templates: there `{{` makes a file a template even when every use is inside
 * quotes (`name: "{{ .Release.Name }}-web"`), which elsewhere is plain text (see templates.ts).
 */
const HELM_TEMPLATES_DIR = /\/templates\/[^/]*$/;

/**
 * Parses a file chunk by chunk, reusing the parse of every chunk whose text is unchanged since `previous`.
 * A chunk text that occurs twice in one file is parsed twice, so each object belongs to exactly one place.
 */
export function parseFile(uri: string, text: string, previous?: PreviousParse, options: ParseOptions = {}): FileModel {
  const steps = parseSteps(uri, text, previous, piecesOf(text, options, previous));
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * parseFile in slices of about `sliceMs`, yielding to the event loop in between so that a multi-megabyte file does
 * not hold up every other message while it is opened. `onHead` gets the model of the documents within the first
 * `headChars` characters as soon as they are parsed (what an editor shows first). Gives up (undefined) as soon as
 * `isStale()` says the text is outdated; `progress` then still holds every chunk parsed so far, for reuse.
 */
export async function parseFileInSlices(
  uri: string,
  text: string,
  previous: PreviousParse | undefined,
  options: ParseOptions & { isStale: () => boolean; onHead?: (head: FileModel) => void; headChars?: number; sliceMs?: number },
  progress: { chunks: PlacedChunk[] } = { chunks: [] },
): Promise<FileModel | undefined> {
  const { isStale, onHead, headChars = 64 * 1024, sliceMs = 8 } = options;
  const pieces = piecesOf(text, options, previous);
  const template = isTemplate(uri, pieces.scanned);
  const steps = parseSteps(uri, text, previous, pieces, progress.chunks);
  let sliceStart = performance.now();
  let headSent = onHead === undefined;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    const last = progress.chunks.at(-1);
    if (!headSent && last && last.start + last.parsed.text.length >= Math.min(headChars, text.length)) {
      headSent = true;
      onHead?.(modelOf(uri, progress.chunks.slice(), text, template, pieces.truncated));
    }
    // The first screen is parsed in one go: a request arriving meanwhile (VS Code asks for symbols, lenses and
    // hints right after opening) would otherwise finish the whole parse before the head is published.
    if (headSent && performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      if (isStale()) return undefined;
      sliceStart = performance.now();
    }
  }
}

interface Pieces {
  pieces: TextChunk[];
  /** The text the pieces come from: all of it, or only what lies within the size limit. */
  scanned: string;
  truncated?: FileModel['truncated'];
}

function piecesOf(text: string, options: ParseOptions, previous?: PreviousParse): Pieces {
  const limit = options.maxSize;
  if (limit === undefined || text.length <= limit) {
    const resplit = previous?.text !== undefined && !previous.truncated ? resplitChunks(previous.text, previous.chunks, text) : undefined;
    return { pieces: resplit ?? splitChunks(text), scanned: text };
  }
  // Nothing past the limit is even scanned; the last piece of a cut text runs past it, so it is dropped too.
  const scanned = text.slice(0, limit);
  const pieces = splitChunks(scanned).slice(0, -1);
  const last = pieces.at(-1);
  return { pieces, scanned, truncated: { limit, analysedUpTo: last ? last.start + last.text.length : 0 } };
}

/** Parses chunk by chunk into `chunks`, yielding after each one that needed parsing. */
function* parseSteps(
  uri: string,
  text: string,
  previous: PreviousParse | undefined,
  { pieces, scanned, truncated }: Pieces,
  chunks: PlacedChunk[] = [],
): Generator<void, FileModel> {
  const reuse = reusableChunks(previous?.chunks ?? [], pieces);
  for (const [i, { start, text: chunkText }] of pieces.entries()) {
    const reused = reuse(i);
    chunks.push({ start, parsed: reused ?? parseChunk(chunkText) });
    if (!reused) yield;
  }
  return modelOf(uri, chunks, text, isTemplate(uri, scanned), truncated);
}

const isTemplate = (uri: string, text: string) => isGoTemplate(text) || (HELM_TEMPLATES_DIR.test(uri) && text.includes('{{'));

function modelOf(uri: string, chunks: PlacedChunk[], text: string, template: boolean, truncated?: FileModel['truncated']): FileModel {
  const objects: FileModel['objects'] = [];
  for (const chunk of chunks) for (const object of chunk.parsed.objects) objects.push({ object, chunk });
  return truncated ? { uri, text, chunks, objects, template, truncated } : { uri, text, chunks, objects, template };
}

/**
 * Matches new pieces to the previous parse. An edit changes one or two documents in the middle, so the unchanged
 * head and tail are matched by position (a plain string comparison), and only the few pieces in between are looked
 * up by text; hashing every document's text on every keystroke would cost more than the edit itself. A text that
 * occurs twice is reused once, so each object keeps exactly one place.
 */
function reusableChunks(previous: readonly PlacedChunk[], pieces: ReadonlyArray<{ text: string }>): (index: number) => ParsedChunk | undefined {
  let head = 0;
  while (head < pieces.length && head < previous.length && previous[head].parsed.text === pieces[head].text) head++;
  let tail = 0;
  while (
    tail < pieces.length - head &&
    tail < previous.length - head &&
    previous[previous.length - 1 - tail].parsed.text === pieces[pieces.length - 1 - tail].text
  ) {
    tail++;
  }
  const middle = new Map<string, ParsedChunk[]>();
  for (let i = head; i < previous.length - tail; i++) {
    const parsed = previous[i].parsed;
    const list = middle.get(parsed.text);
    if (list) list.push(parsed);
    else middle.set(parsed.text, [parsed]);
  }
  const tailStart = pieces.length - tail;
  return (index) => {
    if (index < head) return previous[index].parsed;
    if (index >= tailStart) return previous[previous.length - (pieces.length - index)].parsed;
    return middle.get(pieces[index].text)?.shift();
  };
}

/**
 * Index of the last chunk that starts at or before `offset`, or -1 when there is none: chunks are in file order and
 * never overlap, so a binary search finds it, and a request at the cursor costs one document, not a walk of them all.
 */
export function chunkIndexAt(chunks: readonly PlacedChunk[], offset: number): number {
  if (chunks.length === 0 || offset < chunks[0].start) return -1;
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function absoluteSpan(chunk: PlacedChunk, span: Span): Span {
  return { start: chunk.start + span.start, end: chunk.start + span.end };
}
