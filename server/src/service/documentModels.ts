import { parseFile, parseFileInSlices, type FileModel, type PlacedChunk } from '../kubernetes/manifest';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import type { DocumentStore, OpenDocument } from './documents';

/** Open documents larger than this are parsed in slices when first opened (see openInSlices). */
const SLICED_OPEN_CHARS = 256 * 1024;

/** What the models of open documents are parsed with and told to. */
export interface DocumentModelsHost {
  /** Characters of the document that are parsed (its maxFileSize, see analysis/limits.ts); undefined for all. */
  sizeLimit(uri: string): number | undefined;
  /** The model of `uri` in the index is new. `receivedAt`: when handling of the edit began (performance.now()). */
  changed(uri: string, receivedAt?: number): void;
  /** The first screen of a huge document being opened is parsed; the rest follows. */
  parsedHead(uri: string, version: number, head: FileModel): void;
  logError(message: string): void;
}

/** Keeps the index's model of every open document parsed from the editor's current text, within its size limit. */
export class DocumentModels {
  /** `version/limit` of the text each open document's model was parsed from. */
  private readonly parsedAs = new Map<string, string>();
  /** The chunks parsed so far of documents being opened in slices: any parse meanwhile starts from them. */
  private readonly opening = new Map<string, { chunks: PlacedChunk[] }>();

  constructor(
    private readonly documents: DocumentStore,
    private readonly index: WorkspaceIndex,
    private readonly host: DocumentModelsHost,
  ) {}

  /** The document was opened or edited. */
  contentChanged(document: OpenDocument): void {
    const receivedAt = performance.now();
    if (this.opensInSlices(document)) {
      void this.openInSlices(document).catch((error) =>
        this.host.logError(`Opening ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`),
      );
      return;
    }
    this.parse(document);
    this.host.changed(document.uri, receivedAt);
  }

  /** A request needs all of a document still being opened in slices: the rest is parsed now, from the chunks so far. */
  finishOpening(uri: string): void {
    const document = this.opening.has(uri) ? this.documents.get(uri) : undefined;
    if (document) this.parse(document);
  }

  /** Re-parses the open documents whose size limit changed with the settings. */
  limitsChanged(): void {
    for (const document of this.documents.all()) {
      if (!this.opening.has(document.uri) && this.parse(document)) this.host.changed(document.uri);
    }
  }

  closed(uri: string): void {
    this.parsedAs.delete(uri);
    this.opening.delete(uri);
  }

  /** Brings the open document's model up to its text and size limit; false when it was already. */
  private parse(document: OpenDocument): boolean {
    const { uri } = document;
    const maxSize = this.host.sizeLimit(uri);
    const parsedAs = parsedAsOf(document.version, maxSize);
    if (this.parsedAs.get(uri) === parsedAs && this.index.get(uri)) return false;
    const previous = this.opening.get(uri) ?? this.index.get(uri);
    // Parsing all of the text finishes a sliced open: the slicer sees it is stale and stops.
    this.opening.delete(uri);
    this.index.set(parseFile(uri, document.getText(), previous, { maxSize }));
    this.parsedAs.set(uri, parsedAs);
    return true;
  }

  /** The first parse of a big text; edits reuse every untouched document's parse and cost little. */
  private opensInSlices(document: OpenDocument): boolean {
    if (this.parsedAs.has(document.uri) || this.opening.has(document.uri)) return false;
    const text = document.getText();
    return text.length > SLICED_OPEN_CHARS && this.index.get(document.uri)?.text !== text;
  }

  /**
   * Opening a multi-megabyte manifest takes seconds of parsing. Done in slices, requests and edits are served
   * meanwhile, and the first screen's model is handed on as soon as it is parsed; the complete model follows as for
   * any other change. An edit or a request that needs the model meanwhile parses the rest at once, starting from the
   * chunks parsed so far.
   */
  private async openInSlices(document: OpenDocument): Promise<void> {
    const { uri, version } = document;
    const progress = { chunks: [] as PlacedChunk[] };
    this.opening.set(uri, progress);
    const maxSize = this.host.sizeLimit(uri);
    // The same open document (a close and reopen makes a new one, maybe with the same version) at the same version.
    const current = () => this.documents.get(uri) === document && document.version === version;
    const ours = () => this.opening.get(uri) === progress;
    try {
      const model = await parseFileInSlices(
        uri,
        document.getText(),
        this.index.get(uri),
        { maxSize, isStale: () => !current() || !ours(), onHead: (head) => this.host.parsedHead(uri, version, head) },
        progress,
      );
      // Edited or closed meanwhile: that change has been handled already.
      if (!current()) return;
      if (model && ours()) {
        this.index.set(model);
        this.parsedAs.set(uri, parsedAsOf(version, maxSize));
      }
      this.host.changed(uri);
    } finally {
      if (ours()) this.opening.delete(uri);
    }
  }
}

const parsedAsOf = (version: number, maxSize: number | undefined) => `${version}/${maxSize ?? 'all'}`;
