import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../../analysis/finding';
import type { Rule } from '../../analysis/rule';
import type { AnalysisSettings } from '../../analysis/settings';
import type { ReadText, Rendered, RenderOptions, RunOutcome, RunRenderer, SourceKind, Variant } from '../../rendered/source';
import { renderFailed } from '../../rules/render-failed';
import { rendererNotFound } from '../../rules/renderer-not-found';
import { analyzeRendered } from './analyzeRendered';
import { mergeEntries, type RenderedEntry } from './entries';
import { limitRuns } from './limit';

export interface RenderHost {
  kinds: readonly SourceKind[];
  /** The runner with the safety rules (node/render/runner.ts), or a fake in tests. */
  run: RunRenderer;
  /** The disk's text of a file: what the renderer reads, so what its cache key is made of. */
  read: ReadText;
  /** The names of the entries directly in a folder (files and folders), empty when it cannot be read. */
  list(dir: string): readonly string[];
  /** The file URIs the service knows (the workspace index): sources are the folders of root files among them. */
  knownUris(): Iterable<string>;
  settingsFor(uri: string): AnalysisSettings;
  rules: readonly Rule[];
  /** Results of the renders of these URIs changed: findings, or what plain analysis may say there. */
  changed(uris: readonly string[]): void;
  logError(message: string): void;
  debounceMs?: number;
  maxConcurrent?: number;
}

/** The last successful renders of one chart or overlay, in the order of its variants. */
export interface RenderedSource {
  tool: SourceKind['tool'];
  rootDir: string;
  renders: readonly Rendered[];
}

/** What a render says about a file besides findings: whether plain analysis still speaks for it. */
export interface RenderCoverage {
  /** The file is a template or an input of a chart that rendered: its templates count as checked, its values are not guessed at. */
  helmRendered: boolean;
  /** The file is an input of a Kustomize build that succeeded: cross-resource verdicts come from the build. */
  kustomizeRendered: boolean;
}

interface Source {
  kind: SourceKind;
  rootDir: string;
  /** The root file (`Chart.yaml`, `kustomization.yaml`): notices about the source as a whole go there. */
  rootUri: string;
  timer?: NodeJS.Timeout;
  controller?: AbortController;
  /** The content key of the inputs the shown results were rendered from; undefined when they must be rendered again. */
  key?: string;
  /** Paths of the files the last render read. */
  inputs: ReadonlySet<string>;
  entries: RenderedEntry[];
  /** At least one variant rendered, so its findings speak for its files. */
  rendered: boolean;
  /** The successful renders behind `entries`, for hovers and the traffic preview on rendered objects. */
  renders: readonly Rendered[];
  /** The run under way, for callers that wait (the CLI, tests). */
  running?: Promise<void>;
}

const NO_COVERAGE: RenderCoverage = { helmRendered: false, kustomizeRendered: false };

/**
 * Renders Helm charts and Kustomize overlays off the keystroke path and keeps their findings, moved to the user's
 * files. A source renders when a file it reads changes on disk (a save, a file event) and once when the workspace is
 * indexed, `debounceMs` after the last such change; a render superseded by a newer change is cancelled, one whose
 * inputs have the same content as the last one's is not run at all, and at most `maxConcurrent` renderer processes
 * run at once. Nothing here blocks a request: findings are read from what the last completed render left.
 */
export class RenderScheduler {
  private readonly sources = new Map<string, Source>();
  private readonly run: RunRenderer;
  private readonly debounceMs: number;
  private allowed = true;
  /** Nothing renders before the host says the known files are complete (the workspace is indexed, the CLI's inputs read). */
  private started = false;
  private byUri = new Map<string, { findings: Finding[]; text: string | undefined }>();
  private coverageByPath = new Map<string, RenderCoverage>();

  constructor(private readonly host: RenderHost) {
    this.run = limitRuns(host.run, host.maxConcurrent ?? 2);
    this.debounceMs = host.debounceMs ?? 300;
  }

  /** Untrusted workspaces run nothing: results are dropped and no render starts until this is true again. */
  setAllowed(allowed: boolean): void {
    if (this.allowed === allowed) return;
    this.allowed = allowed;
    if (allowed) {
      this.refresh();
      return;
    }
    // A render under way must not publish after trust is withdrawn (a restart of an untrusted window).
    for (const source of this.sources.values()) {
      if (source.timer) clearTimeout(source.timer);
      source.timer = undefined;
      source.controller?.abort();
      this.clear(source);
    }
  }

  /** The binaries changed: every source is rendered again, since one that found none may find one now. */
  binariesChanged(): void {
    for (const source of this.sources.values()) source.key = undefined;
    this.refresh();
  }

  /** Finds the sources among the known files and renders each (whose inputs changed since its last render). */
  renderAll(): void {
    this.started = true;
    this.refresh();
  }

  /** After a change of settings, binaries or trust: the same as renderAll once started, nothing before. */
  refresh(): void {
    if (!this.started) return;
    this.discover();
    for (const source of this.sources.values()) this.schedule(source);
  }

  /** A file changed on disk (saved, created, deleted): the sources that read it, or whose folder holds it, render again. */
  fileChanged(uri: string): void {
    const file = filePath(uri);
    if (file === undefined || !this.started) return;
    if (this.host.kinds.some((kind) => kind.isRootFile(path.basename(file)))) this.discover([uri]);
    for (const source of this.sources.values()) {
      // Its cache key (the content of its inputs) tells whether the change changed anything the render reads.
      if (source.inputs.has(file) || file.startsWith(source.rootDir + path.sep)) this.schedule(source);
    }
  }

  /**
   * The findings renders put in `uri`, merged across variants and sources, while `text` is the text they were placed
   * in: an edit not yet saved (and rendered) would move them onto the wrong characters.
   */
  findings(uri: string, text: string): readonly Finding[] {
    const known = this.byUri.get(uri);
    return known && known.text === text ? known.findings : [];
  }

  coverage(uri: string): RenderCoverage {
    const file = filePath(uri);
    return (file !== undefined && this.coverageByPath.get(file)) || NO_COVERAGE;
  }

  /** Renders every source now, without the debounce, and resolves when all are done: for the CLI and tests. */
  async settle(): Promise<void> {
    this.started = true;
    this.discover();
    for (const source of this.sources.values()) {
      if (!source.running) this.start(source);
    }
    // A render may schedule another (a file changed meanwhile): wait until none runs.
    for (;;) {
      const running = [...this.sources.values()].map((source) => source.running).filter((run) => run !== undefined);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /**
   * The renders that show what `uri` (a template, a values file, a patch, a base resource) becomes: those of the
   * innermost source whose folder holds it, else of one that read it. Undefined before any render succeeded.
   */
  rendersOf(uri: string): RenderedSource | undefined {
    const file = filePath(uri);
    if (file === undefined) return undefined;
    const rendered = [...this.sources.values()].filter((source) => source.renders.length > 0);
    const holding = rendered.filter((source) => file.startsWith(source.rootDir + path.sep)).sort((a, b) => b.rootDir.length - a.rootDir.length);
    const source = holding[0] ?? rendered.find((candidate) => candidate.inputs.has(file));
    return source && { tool: source.kind.tool, rootDir: source.rootDir, renders: source.renders };
  }

  /** The files every source's results are about (findings and coverage), for callers that list them. */
  uris(): string[] {
    return [...this.byUri.keys()];
  }

  /** Adds sources for root files among `uris` (all known files when omitted) and drops those whose root file is gone. */
  private discover(uris: Iterable<string> = this.host.knownUris()): void {
    for (const uri of uris) {
      const file = filePath(uri);
      if (file === undefined) continue;
      const base = path.basename(file);
      for (const kind of this.host.kinds) {
        if (!kind.isRootFile(base)) continue;
        const rootDir = path.dirname(file);
        const id = `${kind.tool}\u0000${rootDir}`;
        if (this.sources.has(id) || this.host.read(file) === undefined) continue;
        this.sources.set(id, { kind, rootDir, rootUri: uri, inputs: new Set(), entries: [], rendered: false, renders: [] });
      }
    }
    for (const [id, source] of this.sources) {
      const root = filePath(source.rootUri);
      if (root !== undefined && this.host.read(root) !== undefined) continue;
      this.sources.delete(id);
      source.controller?.abort();
      if (source.timer) clearTimeout(source.timer);
      this.clear(source);
    }
  }

  private schedule(source: Source): void {
    if (source.timer) clearTimeout(source.timer);
    source.timer = setTimeout(() => {
      source.timer = undefined;
      this.start(source);
    }, this.debounceMs);
  }

  private start(source: Source): void {
    source.controller?.abort();
    const controller = new AbortController();
    source.controller = controller;
    const running = this.render(source, controller.signal)
      .catch((error) => this.host.logError(`Rendering ${source.rootDir} failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        if (source.running === running) source.running = undefined;
      });
    source.running = running;
  }

  private async render(source: Source, signal: AbortSignal): Promise<void> {
    const settings = this.host.settingsFor(source.rootUri);
    if (!this.allowed || !settings.render.enabled) {
      this.clear(source);
      return;
    }
    const { kind, rootDir } = source;
    // A configured values file is meant for the charts that have it: naming it to helm for the others would fail them.
    const helmValuesFiles = settings.render.helmValuesFiles.filter((name) => this.host.read(path.resolve(rootDir, name)) !== undefined);
    const options: RenderOptions = { helmValueSets: settings.render.helmValueSets, helmValuesFiles };
    const variants = kind.variants(rootDir, this.host.list(rootDir), options);
    const inputs = kind.inputs(rootDir, this.host.read, (dir) => this.host.list(dir));
    const key = contentKey(variants, inputs, this.host.read, settings);
    if (key === source.key) return;
    const outcomes = await Promise.all(variants.map(async (variant) => ({ variant, outcome: await this.run(variant.command, signal) })));
    if (signal.aborted || outcomes.some(({ outcome }) => !outcome.ok && outcome.reason === 'cancelled')) return;

    const entries: RenderedEntry[] = [];
    const rootText = this.host.read(filePath(source.rootUri) ?? '') ?? '';
    const root = { uri: source.rootUri, end: firstLineEnd(rootText) };
    const missing = outcomes.find(({ outcome }) => !outcome.ok && outcome.reason === 'not-found');
    const renders: Rendered[] = [];
    if (missing && !missing.outcome.ok) {
      // Every variant needs the same binary: one notice for the source, and the tolerant behaviour of plain analysis.
      entries.push(...notice(rendererNotFound, settings, { ...root, start: 0, message: missing.outcome.message }));
    } else {
      for (const { variant, outcome } of outcomes) {
        const found = await this.entriesOf(source, variant, outcome, settings, root, signal);
        if (found === undefined) return;
        entries.push(...found.entries);
        if (found.rendered) renders.push(found.rendered);
      }
    }
    if (signal.aborted) return;
    // A missing binary is looked for again, and a render stopped for time (on a busy machine) is tried again, at
    // the next change; any other result stands until the inputs change.
    source.key = missing || outcomes.some(({ outcome }) => !outcome.ok && outcome.reason === 'timeout') ? undefined : key;
    this.publish(source, entries, new Set(inputs), renders);
  }

  private async entriesOf(
    source: Source,
    variant: Variant,
    outcome: RunOutcome,
    settings: AnalysisSettings,
    root: { uri: string; end: number },
    signal: AbortSignal,
  ): Promise<{ entries: RenderedEntry[]; rendered?: Rendered } | undefined> {
    const { kind, rootDir } = source;
    if (!outcome.ok) {
      const problem = kind.problem(rootDir, variant, outcome, this.host.read);
      const message = `${kind.tool === 'helm' ? 'helm template' : 'kustomize build'} failed: ${problem.message}`;
      const { uri, start, end } = problem.origin;
      // A failed render gives its reason and nothing else: never a finding from a half-rendered chart.
      return { entries: notice(renderFailed, settings, { message, uri, start, end, label: variant.label, verb: 'rendering with' }) };
    }
    try {
      const rendered = kind.interpret(rootDir, variant, outcome.stdout, { read: this.host.read, run: this.run });
      const entries = await analyzeRendered(rendered, settings, this.host.rules, root, signal);
      return entries && { entries, rendered };
    } catch (error) {
      this.host.logError(`Reading the render of ${rootDir} (${variant.label}) failed: ${error instanceof Error ? error.stack : String(error)}`);
      const message = `The output of ${kind.tool} could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return { entries: notice(renderFailed, settings, { message, ...root, start: 0, label: variant.label, verb: 'rendering with' }) };
    }
  }

  private clear(source: Source): void {
    source.key = undefined;
    if (source.entries.length === 0 && source.inputs.size === 0 && !source.rendered) return;
    this.publish(source, [], new Set(), []);
  }

  private publish(source: Source, entries: RenderedEntry[], inputs: ReadonlySet<string>, renders: readonly Rendered[]): void {
    const touched = new Set<string>([...source.entries, ...entries].map((entry) => entry.uri));
    for (const file of [...source.inputs, ...inputs]) touched.add(pathToFileURL(file).href);
    source.entries = entries;
    source.inputs = inputs;
    source.rendered = renders.length > 0;
    source.renders = renders;
    this.rebuild();
    if (touched.size > 0) this.host.changed([...touched]);
  }

  /** Findings by URI and coverage by path, from every source: renders change rarely, reads happen on every keystroke. */
  private rebuild(): void {
    const entries = new Map<string, RenderedEntry[]>();
    const coverage = new Map<string, RenderCoverage>();
    const bases = this.kustomizeBases();
    for (const source of this.sources.values()) {
      if (bases.has(source)) continue;
      for (const entry of source.entries) entries.set(entry.uri, [...(entries.get(entry.uri) ?? []), entry]);
      if (!source.rendered) continue;
      for (const file of source.inputs) {
        const known = coverage.get(file) ?? { ...NO_COVERAGE };
        if (source.kind.tool === 'helm') known.helmRendered = true;
        else known.kustomizeRendered = true;
        coverage.set(file, known);
      }
    }
    this.byUri = new Map([...entries].map(([uri, list]) => [uri, { findings: mergeEntries(list), text: this.host.read(filePath(uri) ?? '') }]));
    this.coverageByPath = coverage;
  }

  /**
   * Kustomizations that another rendered kustomization builds on (a base under `overlays/*`). A base is not applied
   * on its own: what it creates is what its overlays build from it (their labels may add its Services' selectors), so
   * its verdicts come from the overlays' builds, which place them on the base's lines, and its own build says nothing.
   */
  private kustomizeBases(): Set<Source> {
    const bases = new Set<Source>();
    const overlays = [...this.sources.values()].filter((source) => source.kind.tool === 'kustomize' && source.rendered);
    for (const source of this.sources.values()) {
      if (source.kind.tool !== 'kustomize') continue;
      const root = filePath(source.rootUri);
      if (root !== undefined && overlays.some((overlay) => overlay !== source && overlay.inputs.has(root))) bases.add(source);
    }
    return bases;
  }
}

/** A notice about a source, with the severity its rule has in the folder; none when the user turned the rule off. */
function notice(rule: Rule, settings: AnalysisSettings, entry: Omit<RenderedEntry, 'ruleId' | 'severity'>): RenderedEntry[] {
  const configured = settings.severities[rule.id];
  if (configured === 'off') return [];
  return [{ ruleId: rule.id, severity: configured ?? rule.defaultSeverity, ...entry }];
}

/** What a render's result depends on: the variants' commands, the content of every input, and the rules' settings. */
function contentKey(variants: readonly Variant[], inputs: readonly string[], read: ReadText, settings: AnalysisSettings): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      variants.map((variant) => [variant.id, variant.label, variant.command]),
      settings.nodePortRange,
      settings.severities,
      settings.clusterProfile,
    ]),
  );
  for (const input of [...inputs].sort()) {
    hash.update(`\u0000${input}\u0000`);
    hash.update(read(input) ?? '\u0001missing');
  }
  return hash.digest('hex');
}

function firstLineEnd(text: string): number {
  const end = text.search(/\r?\n/);
  return end < 0 ? text.length : end;
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
