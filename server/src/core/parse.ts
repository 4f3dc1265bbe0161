import { parseAllDocuments, type Document } from 'yaml';
import { splitChunks } from './chunks';
import { extractObjects } from './extract';
import { isGoTemplate } from './templates';
import type { K8sObject } from './model';
import type { Span } from './yamlNodes';

export interface YamlSyntaxError {
  span: Span;
  message: string;
  code: string;
}

/** One `---`-delimited slice of a file, parsed once and reusable wherever the same text appears. */
export interface ParsedChunk {
  readonly text: string;
  readonly docs: Document[];
  readonly objects: K8sObject[];
  readonly syntaxErrors: YamlSyntaxError[];
  /**
   * Set when a line scan showed the chunk is one object of a kind nothing here looks at (a CRD, a ConfigMap):
   * it is not composed at all, which is most of the work on real install manifests. `parseChunk(text, true)`
   * composes it when a feature needs it after all.
   */
  readonly skippedKind?: string;
}

/** Kinds whose documents are composed: Services, what they select, and what routes to them. */
const RELEVANT_KINDS = new Set([
  'Service', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
  'Ingress', 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'Gateway', 'EndpointSlice', 'Endpoints',
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
}

export function parseChunk(text: string, compose = false): ParsedChunk {
  const kind = compose ? undefined : scannedKind(text);
  if (kind !== undefined && !RELEVANT_KINDS.has(kind) && !kind.endsWith('List')) {
    return { text, docs: [], objects: [], syntaxErrors: [], skippedKind: kind };
  }
  // `uniqueKeys` stays on so duplicate keys are visible: kubectl keeps the last value silently (duplicate-field).
  const docs = parseAllDocuments(text, { keepSourceTokens: false, prettyErrors: false }) as Document[];
  const list = Array.isArray(docs) ? docs : [];
  const syntaxErrors: YamlSyntaxError[] = [];
  const objects: K8sObject[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      syntaxErrors.push({ span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) }, message: error.message, code: error.code });
    }
    objects.push(...extractObjects(doc));
  }
  return { text, docs: list, objects, syntaxErrors };
}

/**
 * Parses a file chunk by chunk, reusing the parse of every chunk whose text is unchanged since `previous`.
 * A chunk text that occurs twice in one file is parsed twice, so each object belongs to exactly one place.
 */
export function parseFile(uri: string, text: string, previous?: FileModel): FileModel {
  const reusable = new Map<string, ParsedChunk[]>();
  for (const chunk of previous?.chunks ?? []) {
    const list = reusable.get(chunk.parsed.text);
    if (list) list.push(chunk.parsed);
    else reusable.set(chunk.parsed.text, [chunk.parsed]);
  }
  const chunks: PlacedChunk[] = [];
  const objects: FileModel['objects'] = [];
  for (const { start, text: chunkText } of splitChunks(text)) {
    const parsed = reusable.get(chunkText)?.shift() ?? parseChunk(chunkText);
    const placed = { start, parsed };
    chunks.push(placed);
    for (const object of parsed.objects) objects.push({ object, chunk: placed });
  }
  return { uri, text, chunks, objects, template: isGoTemplate(text) };
}

export function absoluteSpan(chunk: PlacedChunk, span: Span): Span {
  return { start: chunk.start + span.start, end: chunk.start + span.end };
}
