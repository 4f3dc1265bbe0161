import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export type { TextDocument as OpenDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * The documents open in the editor, with the text the editor has (unsaved edits included). Each keeps its line table
 * current under incremental edits, which is what positions are mapped with (document/positions.ts).
 */
export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  /** A new document object even when `uri` was open already: an open is a fresh start. */
  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    return document;
  }

  /** The updated document; undefined when `uri` is not open or nothing changed. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const document = this.documents.get(uri);
    if (!document || changes.length === 0) return undefined;
    // update() edits the document in place, so everything holding it sees the new text and version.
    return TextDocument.update(document, [...changes], version);
  }

  close(uri: string): TextDocument | undefined {
    const document = this.documents.get(uri);
    this.documents.delete(uri);
    return document;
  }
}
