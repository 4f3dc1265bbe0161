import { analyzeFile, analyzeFileInSlices, type CrossMode, type Finding } from '../analysis/analyze';
import { analyzeRange } from '../analysis/analyzeRange';
import { sizeLimit, type AnalysisSettings } from '../analysis/settings';
import type { TextEdit } from '../document/edits';
import { positionMapper, type PositionMapper } from '../document/positions';
import type { Position } from '../document/text';
import { parseFile, type FileModel } from '../kubernetes/manifest';
import { WorkspaceIndex } from '../kubernetes/workspace';
import { locate } from '../kubernetes/locate';
import { isService } from '../kubernetes/model';
import { misindentedSelector } from '../kubernetes/schema/classify';
import type { Refactor } from '../kubernetes/serviceEdits';
import { ALL_RULES } from '../rules';
import { completeAt, type CompletionResult } from '../features/completion';
import { fixAll, fixesFor, type Fix } from '../features/fixes';
import { refactorsAt } from '../features/fixes/refactorsAt';
import { hoverAt, type HoverResult } from '../features/hover';
import { inlayHintsIn, type InlayHintEntry } from '../features/inlay';
import { definitionAt } from '../features/navigation/definition';
import { referencesAt } from '../features/navigation/references';
import type { NavigationResult } from '../features/navigation/targets';
import { documentSymbols, workspaceSymbols, type ObjectSymbol, type WorkspaceSymbol } from '../features/symbols';
import { buildTrafficPaths, type TrafficPaths } from '../features/traffic/buildPaths';
import { DocumentModels } from './documentModels';
import { DocumentStore, type TextDocumentContentChangeEvent } from './documents';
import { filePathOf, WorkspaceSettings, type WorkspaceFolder } from './settings';
import { cachedFileReader } from '../node/files';
import { createRenderRunner } from '../node/render/runner';
import { listDir, readDiskText } from '../node/render/disk';
import type { BinarySettings } from '../node/render/binaries';
import { SOURCE_KINDS } from '../rendered/index';
import type { RunRenderer, SourceKind } from '../rendered/source';
import { RenderScheduler } from './rendered/scheduler';
import { withRendered } from './rendered/merge';
import { renderedExplanations, renderedHover, renderedTrafficPaths } from './rendered/views';

const LOCAL_RULES = ALL_RULES.filter((rule) => !rule.crossResource);

class Listeners<A extends unknown[]> {
  private readonly listeners: Array<(...args: A) => void> = [];
  add(listener: (...args: A) => void): void {
    this.listeners.push(listener);
  }
  fire(...args: A): void {
    for (const listener of this.listeners) listener(...args);
  }
}

export interface LanguageServiceOptions {
  /** Problems in a project file that is not open, for the user (the LSP sends window/showMessage). */
  warn?: (message: string) => void;
  /** Failures nobody asked for an answer to, such as a background parse. */
  logError?: (message: string) => void;
  /** The folder URI messages name files relative to until workspace folders are set (the CLI's working directory). */
  root?: string;
  /** Rendering of Helm charts and Kustomize overlays: tests give a fake runner, kinds and a short debounce. */
  render?: { run?: RunRenderer; kinds?: readonly SourceKind[]; debounceMs?: number; maxConcurrent?: number };
}

/**
 * Everything the editor features and the CLI know about a workspace: the open documents, the models of every file
 * (open or on disk), the settings of each document, and change events. Features get the model and the settings of the
 * document they are asked about from here, so no caller can pick the wrong folder's settings. Queries take a model
 * from `file()` and answer in offsets of its text; `positions()` maps them for that very model.
 */
export class LanguageService {
  readonly documents = new DocumentStore();
  /** Every file's model. Read it freely; change it only through the methods below, which announce the change. */
  readonly index = new WorkspaceIndex();
  private readonly settings: WorkspaceSettings;
  private readonly models: DocumentModels;
  private readonly fileChanges = new Listeners<[uri: string, receivedAt?: number]>();
  private readonly settingsChanges = new Listeners<[]>();
  private readonly heads = new Listeners<[uri: string, version: number, head: FileModel]>();
  private readonly closes = new Listeners<[uri: string]>();
  private readonly renderedChanges = new Listeners<[uris: readonly string[]]>();
  private binaries: BinarySettings = {};
  private readonly renders: RenderScheduler;

  constructor(options: LanguageServiceOptions = {}) {
    // A patch's kustomization may be on disk only (the patch opened on its own): analysis reads it through this.
    this.index.readOutside = cachedFileReader();
    if (options.root) this.index.setRoots([options.root]);
    this.settings = new WorkspaceSettings({ warn: options.warn ?? (() => undefined), openText: (file) => this.openTextAt(file) });
    this.models = new DocumentModels(this.documents, this.index, {
      // Only the part of a huge document within its maxFileSize is parsed (analysis/limits.ts).
      sizeLimit: (uri) => sizeLimit(this.settingsFor(uri)),
      changed: (uri, receivedAt) => this.announce(uri, receivedAt),
      parsedHead: (uri, version, head) => this.heads.fire(uri, version, head),
      logError: options.logError ?? ((message) => console.error(message)),
    });
    this.renders = new RenderScheduler({
      kinds: options.render?.kinds ?? SOURCE_KINDS,
      run: options.render?.run ?? createRenderRunner(() => this.binaries),
      read: readDiskText,
      list: listDir,
      knownUris: () => this.index.uris(),
      settingsFor: (uri) => this.settingsFor(uri),
      rules: ALL_RULES,
      changed: (uris) => this.renderedChanges.fire(uris),
      logError: options.logError ?? ((message) => console.error(message)),
      debounceMs: options.render?.debounceMs,
      maxConcurrent: options.render?.maxConcurrent,
    });
  }

  /**
   * What renders of charts and overlays found changed for these files (findings, or what plain analysis may say
   * there): their diagnostics are due again. Fired after a render, never on the keystroke path.
   */
  onDidChangeRendered(listener: (uris: readonly string[]) => void): void {
    this.renderedChanges.add(listener);
  }

  /** The helm and kustomize binaries (machine settings or CLI flags); looked up again at every render. */
  configureRenderers(binaries: BinarySettings): void {
    const changed = JSON.stringify(binaries) !== JSON.stringify(this.binaries);
    this.binaries = binaries;
    if (changed) this.renders.binariesChanged();
  }

  /**
   * Whether the project's renderers may run: false in an untrusted VS Code workspace, where a chart's templates and a
   * kustomization are the repository's, not the user's. Nothing renders, and nothing rendered is shown, until true.
   */
  setRenderingAllowed(allowed: boolean): void {
    this.renders.setAllowed(allowed);
  }

  /** Renders every chart and kustomization among the known files, in the background (whose inputs changed). */
  renderWorkspace(): void {
    this.renders.renderAll();
  }

  /** A file changed on disk (saved, created, deleted, whatever its type): renders that read it run again. */
  fileChangedOnDisk(uri: string): void {
    this.renders.fileChanged(uri);
  }

  /**
   * Renders every chart and kustomization among the known files now and waits for them: then `findings()` of every
   * file includes what the renders found. Returns the findings of every file renders put findings in or that the
   * index holds, by URI (a values file, a template, `_helpers.tpl` when Helm's error names it). For the CLI.
   */
  async renderAndCheck(): Promise<Map<string, Finding[]>> {
    await this.renders.settle();
    const all = new Map<string, Finding[]>();
    for (const uri of this.index.uris()) {
      const file = this.index.get(uri);
      if (file) all.set(uri, this.findings(file));
    }
    for (const uri of this.renders.uris()) {
      if (all.has(uri)) continue;
      const text = readDiskText(filePathOf(uri) ?? '');
      if (text !== undefined) all.set(uri, [...this.renders.findings(uri, text)]);
    }
    return all;
  }

  /**
   * A file's model changed: opened, edited, closed and re-read, changed or deleted on disk. For an edit of an open
   * document, `receivedAt` is when handling of the edit began (performance.now()), before it was parsed.
   */
  onDidChangeFile(listener: (uri: string, receivedAt?: number) => void): void {
    this.fileChanges.add(listener);
  }

  /** Any document's settings may have changed (editor settings, a project file): everything may be judged anew. */
  onDidChangeSettings(listener: () => void): void {
    this.settingsChanges.add(listener);
  }

  /**
   * The first screen of a huge document being opened is parsed; the rest follows, then onDidChangeFile. Findings of
   * `head` that depend on other documents would judge against a half-read file.
   */
  onDidParseHead(listener: (uri: string, version: number, head: FileModel) => void): void {
    this.heads.add(listener);
  }

  onDidCloseDocument(listener: (uri: string) => void): void {
    this.closes.add(listener);
  }

  setWorkspaceFolders(folders: readonly WorkspaceFolder[]): void {
    this.settings.setFolders(folders);
    this.index.setRoots(folders.map((folder) => folder.uri));
    this.settingsChanged();
  }

  /**
   * The settings the host gives: the editor's for the whole workspace and those a workspace folder sets itself (by
   * folder URI), or the CLI's. Each workspace folder's project file goes on top.
   */
  configure(workspace: AnalysisSettings, byFolder?: ReadonlyMap<string, AnalysisSettings>): void {
    this.settings.setEditorSettings(workspace, byFolder);
    this.settingsChanged();
  }

  /** The settings that apply to `uri`: its workspace folder's editor settings and project file. */
  settingsFor(uri: string): AnalysisSettings {
    return this.settings.for(uri);
  }

  openDocument(uri: string, languageId: string, version: number, text: string): void {
    this.models.contentChanged(this.documents.open(uri, languageId, version, text));
  }

  changeDocument(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const document = this.documents.change(uri, version, changes);
    if (document) this.models.contentChanged(document);
  }

  /** The model keeps the editor's last text until the caller reads the file from disk again (setFile) or drops it. */
  closeDocument(uri: string): void {
    if (!this.documents.close(uri)) return;
    this.models.closed(uri);
    this.closes.fire(uri);
    // The project file on disk applies again, whoever reads it back.
    if (this.settings.projectFileChanged(uri)) this.settingsChanged();
  }

  /**
   * A file's text from disk, and the model the file has now: while it is open, the editor's text wins. The workspace scan adds
   * thousands of files without announcing each (every open document would be re-checked each time).
   */
  setFile(uri: string, text: string, { announce = true }: { announce?: boolean } = {}): FileModel {
    const open = this.documents.get(uri) && this.file(uri);
    if (open) return open;
    const model = parseFile(uri, text, this.index.get(uri));
    this.index.set(model);
    if (announce) this.announce(uri);
    return model;
  }

  /** A file gone from disk (or unreadable); ignored while the file is open. */
  deleteFile(uri: string): void {
    if (this.documents.get(uri)) return;
    if (this.index.delete(uri)) this.announce(uri);
    else if (this.settings.projectFileChanged(uri)) this.settingsChanged();
  }

  /**
   * The current model of a file: of the open document, else as read from disk. While a huge document is still being
   * opened in slices, a request needs all of it: the rest is parsed at once, from the chunks parsed so far.
   */
  file(uri: string): FileModel | undefined {
    this.models.finishOpening(uri);
    return this.index.get(uri);
  }

  /**
   * Offsets ↔ positions for `file`: the open document's line table, which the editor's incremental edits keep
   * current (one of a 5 MB text built afresh would cost more than most requests), else one per parsed version.
   */
  positions(file: FileModel): PositionMapper {
    return positionMapper(file, this.documents.get(file.uri));
  }

  /**
   * What is wrong in `file`, as the Problems view shows it: the rules' findings ('reuse': cross-resource results of
   * objects seen before are kept, see analyze.ts) and, for a project file, its own problems.
   */
  findings(file: FileModel, mode: CrossMode = 'full', stats?: { reused: number }): Finding[] {
    const findings = this.withRendered(file, analyzeFile(file, this.index, this.settingsFor(file.uri), ALL_RULES, mode, stats));
    const own = this.settings.projectFileFindings(file.uri, file.text);
    return own.length > 0 ? [...findings, ...own] : findings;
  }

  /** findings(file, 'full') in slices that let other messages through; undefined once `isStale()` says so. */
  async findingsInSlices(file: FileModel, isStale: () => boolean): Promise<Finding[] | undefined> {
    const plain = await analyzeFileInSlices(file, this.index, this.settingsFor(file.uri), ALL_RULES, isStale);
    const findings = plain && this.withRendered(file, plain);
    const own = this.settings.projectFileFindings(file.uri, file.text);
    return findings && own.length > 0 ? [...findings, ...own] : findings;
  }

  /** The findings of rules that look at one document only: what a head of a file can be judged by. */
  localFindings(file: FileModel): Finding[] {
    return analyzeFile(file, this.index, this.settingsFor(file.uri), LOCAL_RULES, 'full');
  }

  /** The findings of the YAML documents touching `start`..`end`, from the same caches as the diagnostics. */
  findingsInRange(file: FileModel, start: number, end: number): Finding[] {
    return analyzeRange(file, this.index, this.settingsFor(file.uri), ALL_RULES, start, end, 'reuse');
  }

  quickFixes(file: FileModel, finding: Finding): Fix[] {
    return fixesFor(file, this.index, this.settingsFor(file.uri), finding);
  }

  /** Every safe fix of the file at once. */
  fixAll(file: FileModel): TextEdit[] {
    const settings = this.settingsFor(file.uri);
    return fixAll(file, this.index, settings, analyzeFile(file, this.index, settings, ALL_RULES, 'reuse'));
  }

  refactors(file: FileModel, start: number, end: number): Refactor[] {
    return refactorsAt(file, start, end, this.settingsFor(file.uri), this.index);
  }

  /** `commandLinks`: the client runs our commands, so the Markdown may link to the traffic preview. */
  hover(file: FileModel, offset: number, options: { commandLinks?: boolean } = {}): HoverResult | undefined {
    // The hovers would explain a Service whose selector is mis-indented as one without a selector; its error says
    // what it is (misindentedSelector).
    const hovered = locate(file, offset)?.object;
    if (hovered && isService(hovered) && misindentedSelector(hovered)) return undefined;
    const positions = this.positions(file);
    const positionAt = (at: number): Position => positions.positionAt(at);
    const settings = this.settingsFor(file.uri);
    const plain = hoverAt({ uri: file.uri, file, workspace: this.index, settings, positionAt, commandLinks: options.commandLinks }, offset);
    const filePath = filePathOf(file.uri);
    // A Helm template's field: what the chart's renders made of it leads, the plain hover (if any) follows.
    const rendered =
      filePath && renderedHover(this.renders.rendersOf(file.uri), { path: filePath, text: file.text }, offset, settings, ALL_RULES, readDiskText);
    return rendered ? { ...rendered, markdown: plain ? `${rendered.markdown}\n\n---\n\n${plain.markdown}` : rendered.markdown } : plain;
  }

  completion(file: FileModel, offset: number): CompletionResult {
    return completeAt({ uri: file.uri, file, workspace: this.index, settings: this.settingsFor(file.uri) }, offset);
  }

  definition(file: FileModel, offset: number): NavigationResult | undefined {
    return definitionAt({ uri: file.uri, file, workspace: this.index }, offset);
  }

  references(file: FileModel, offset: number, includeDeclaration: boolean): NavigationResult | undefined {
    return referencesAt({ uri: file.uri, file, workspace: this.index }, offset, includeDeclaration);
  }

  inlayHints(file: FileModel, start: number, end: number): InlayHintEntry[] {
    return inlayHintsIn({ file, workspace: this.index, settings: this.settingsFor(file.uri) }, start, end);
  }

  documentSymbols(file: FileModel): ObjectSymbol[] {
    return documentSymbols(file);
  }

  workspaceSymbols(query: string, limit: number): { symbols: WorkspaceSymbol[]; truncated: boolean } {
    return workspaceSymbols(this.index, query, limit);
  }

  /** The traffic paths of the Service at `offset`, or of every Service in the file, with the findings shown on them. */
  trafficPaths(file: FileModel, offset?: number): TrafficPaths {
    const settings = this.settingsFor(file.uri);
    // The same findings the Problems view shows, from the same caches: the preview asks on every pause in typing.
    const findings = analyzeFile(file, this.index, settings, ALL_RULES, 'reuse');
    return buildTrafficPaths({ file, workspace: this.index, settings, findings, offset });
  }

  /**
   * The traffic paths of the Services a template, a values file or an overlay's file renders (service/rendered/views.ts),
   * or undefined when `file` belongs to no chart or overlay that rendered.
   */
  renderedTrafficPaths(file: FileModel, plain: TrafficPaths, signal: AbortSignal): Promise<TrafficPaths | undefined> {
    const filePath = filePathOf(file.uri);
    const source = filePath === undefined ? undefined : this.renders.rendersOf(file.uri);
    return renderedTrafficPaths(source, filePath ?? '', this.settingsFor(file.uri), ALL_RULES, readDiskText, signal, plain);
  }

  /** What `explain` says of the Services a template, a values file or a kustomization renders; undefined elsewhere. */
  renderedExplanations(file: FileModel, plain: TrafficPaths): ReturnType<typeof renderedExplanations> {
    const filePath = filePathOf(file.uri);
    const source = filePath === undefined ? undefined : this.renders.rendersOf(file.uri);
    return renderedExplanations(source, filePath ?? '', this.settingsFor(file.uri), ALL_RULES, plain);
  }

  /** The file's plain findings with what the last renders found in it (service/rendered/merge.ts). */
  private withRendered(file: FileModel, plain: Finding[]): Finding[] {
    return withRendered(plain, this.renders.findings(file.uri, file.text), this.renders.coverage(file.uri), ALL_RULES);
  }

  private announce(uri: string, receivedAt?: number): void {
    this.fileChanges.fire(uri, receivedAt);
    if (this.settings.projectFileChanged(uri)) this.settingsChanged();
  }

  private settingsChanged(): void {
    this.models.limitsChanged();
    this.settingsChanges.fire();
    // Value sets, values files and rule settings change what a render finds; unchanged inputs are not rendered again.
    this.renders.refresh();
  }

  private openTextAt(file: string): string | undefined {
    for (const document of this.documents.all()) if (filePathOf(document.uri) === file) return document.getText();
    return undefined;
  }
}
