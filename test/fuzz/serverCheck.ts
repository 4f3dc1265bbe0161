import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, InitializeResult, Position, Range, TextEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/document/text';
import { TRAFFIC_GRAPH_METHOD } from '../../server/src/protocol/index';
import { withTimeout, type LspTestClient } from '../helpers/lspClient';
import { timeBound } from './bounds';
import { InvariantError } from './coreCheck';
import type { FuzzInput } from './generators';

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** A position an LSP client can use: on an existing line, not past its end, not inside a surrogate pair. */
function expectPosition(text: string, lines: LineIndex, position: Position, what: string): void {
  expect(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: ${JSON.stringify(position)} is not integral`);
  expect(position.line >= 0 && position.line < lines.lineCount, `${what}: line ${position.line} of ${lines.lineCount}`);
  const offset = lines.offsetAt(position);
  const back = lines.positionAt(offset);
  expect(back.line === position.line && back.character === position.character, `${what}: ${JSON.stringify(position)} lies past the end of its line`);
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  expect(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${what}: ${JSON.stringify(position)} splits a surrogate pair`);
}

function expectRange(text: string, lines: LineIndex, range: Range, what: string): void {
  expectPosition(text, lines, range.start, `${what} start`);
  expectPosition(text, lines, range.end, `${what} end`);
  expect(lines.offsetAt(range.start) <= lines.offsetAt(range.end), `${what}: ${JSON.stringify(range)} ends before it starts`);
}

/** Edits of a code action for the fuzzed document; applying them must not throw (no overlaps, ranges valid). */
function checkAction(text: string, lines: LineIndex, uri: string, action: CodeAction): void {
  const edits: TextEdit[] = [];
  for (const change of action.edit?.documentChanges ?? [])
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  edits.push(...(action.edit?.changes?.[uri] ?? []));
  for (const edit of edits) expectRange(text, lines, edit.range, `code action "${action.title}" edit`);
  try {
    TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
  } catch (error) {
    throw new InvariantError(`code action "${action.title}": edits do not apply (${(error as Error).message})`);
  }
}

/** The single edit turning `before` into `after` (common prefix and suffix kept), to exercise incremental sync. */
function minimalChange(before: string, after: string): { range: Range; text: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  // Never cut a surrogate pair or a CRLF in two: the client would not either.
  while (prefix > 0 && /[\ud800-\udbff\r]/.test(before[prefix - 1])) prefix--;
  while (suffix > 0 && /[\udc00-\udfff\n]/.test(before[before.length - suffix])) suffix--;
  const lines = new LineIndex(before);
  return { range: lines.rangeOf(prefix, before.length - suffix), text: after.slice(prefix, after.length - suffix) };
}

/**
 * Feeds fuzz inputs to a running server as an editor does (open, then incremental edits of the same document), and
 * asks for everything it announces at the probe positions. Invariants: diagnostics for every version arrive in
 * bounded time and lie inside the document, every request answers in bounded time with ranges inside the
 * document, code-action edits apply, nothing is logged as an error, and the process stays alive.
 */
export class ServerFuzzer {
  readonly uri = 'file:///fuzz/workspace/input.yaml';
  private version = 0;
  private current = '';
  private readonly errors: string[] = [];
  /**
   * Set when a check failed: the server may still be working on what the check stopped waiting for (a request that
   * took too long is not cancelled). fast-check then shrinks by feeding more inputs to the same server; judged while
   * it is still busy, each would fail too, and the "shrunk counterexample" would be whatever input came first, not
   * one that breaks anything.
   */
  private backlog = false;

  constructor(
    private readonly client: LspTestClient,
    private readonly init: InitializeResult,
    private readonly slack = 1,
  ) {
    client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.errors.push(params.message);
    });
  }

  /** The slowest answer (diagnostics included) in ms, and how many diagnostics and code actions were checked. */
  async check(input: FuzzInput): Promise<{ ms: number; diagnostics: number; actions: number }> {
    if (this.backlog) await this.drain();
    try {
      return await this.checkInput(input);
    } catch (error) {
      this.backlog = true;
      throw error;
    }
  }

  /** Waits until the server has handled everything sent so far: messages are handled in order, so one answer says so. */
  private async drain(): Promise<void> {
    const limit = timeBound(0, this.slack) * 60;
    try {
      await withTimeout(
        this.client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///fuzz/drain.yaml' }, position: { line: 0, character: 0 } }),
        limit,
      );
    } catch (error) {
      throw new InvariantError(
        `the server was still busy with an earlier input after ${(limit / 1000).toFixed(0)} s: ${(error as Error).message}; server exited: ${this.client.exited}`,
      );
    }
    this.backlog = false;
  }

  private async checkInput(input: FuzzInput): Promise<{ ms: number; diagnostics: number; actions: number }> {
    const { client, uri } = this;
    const text = input.text;
    const bound = timeBound(text.length, this.slack);
    const version = ++this.version;
    let slowest = 0;
    const timed = async <T>(what: string, request: Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        const result = await withTimeout(request, bound);
        slowest = Math.max(slowest, performance.now() - started);
        return result;
      } catch (error) {
        throw new InvariantError(
          `${what} failed or took over ${bound.toFixed(0)} ms on ${text.length} characters: ${(error as Error).message}; server exited: ${client.exited}`,
        );
      }
    };

    if (version === 1) client.open(uri, text, version);
    else client.change(uri, version, [minimalChange(this.current, text)]);
    this.current = text;
    const published = await timed(
      'diagnostics',
      client.waitForDiagnostics(uri, (p) => p.version === version, bound),
    );
    const lines = new LineIndex(text);
    for (const diagnostic of published.diagnostics) {
      expectRange(text, lines, diagnostic.range, `diagnostic ${String(diagnostic.code)}`);
      expect(typeof diagnostic.message === 'string' && diagnostic.message.length > 0, `diagnostic ${String(diagnostic.code)}: empty message`);
    }

    let actionCount = 0;
    const caps = this.init.capabilities;
    const textDocument = { uri };
    for (const probe of input.probes) {
      const position = lines.positionAt(probe % (text.length + 1));
      const hover = await timed('hover', client.connection.sendRequest<{ range?: Range } | null>('textDocument/hover', { textDocument, position }));
      if (hover?.range) expectRange(text, lines, hover.range, 'hover');
      const around = { start: lines.positionAt(Math.max(0, lines.offsetAt(position) - 40)), end: position };
      const inRange = published.diagnostics.filter((d: Diagnostic) => lines.offsetAt(d.range.start) <= lines.offsetAt(position) + 40);
      const actions = await timed(
        'codeAction',
        client.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', { textDocument, range: around, context: { diagnostics: inRange } }),
      );
      for (const action of actions ?? []) checkAction(text, lines, uri, action);
      actionCount += actions?.length ?? 0;
      if (caps.completionProvider) await timed('completion', client.connection.sendRequest('textDocument/completion', { textDocument, position }));
      if (caps.definitionProvider) await timed('definition', client.connection.sendRequest('textDocument/definition', { textDocument, position }));
      if (caps.referencesProvider)
        await timed('references', client.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }));
    }
    const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
    await timed(
      'trafficGraph',
      client.connection.sendRequest(TRAFFIC_GRAPH_METHOD, { textDocument, position: lines.positionAt(input.probes[0] % (text.length + 1)) }),
    );
    const lenses = caps.codeLensProvider
      ? await timed('codeLens', client.connection.sendRequest<Array<{ range: Range }> | null>('textDocument/codeLens', { textDocument }))
      : [];
    for (const lens of lenses ?? []) expectRange(text, lines, lens.range, 'code lens');
    if (caps.documentSymbolProvider) await timed('documentSymbol', client.connection.sendRequest('textDocument/documentSymbol', { textDocument }));
    if (caps.inlayHintProvider) {
      const hints = await timed(
        'inlayHint',
        client.connection.sendRequest<Array<{ position: Position }> | null>('textDocument/inlayHint', { textDocument, range: whole }),
      );
      for (const hint of hints ?? []) expectPosition(text, lines, hint.position, 'inlay hint');
    }
    expect(!client.exited, 'the server process exited');
    expect(this.errors.length === 0, `the server logged errors:\n${this.errors.splice(0).join('\n')}`);
    return { ms: slowest, diagnostics: published.diagnostics.length, actions: actionCount };
  }
}
