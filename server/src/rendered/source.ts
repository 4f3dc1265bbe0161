/**
 * Rendered sources: Helm charts and Kustomize overlays, whose objects exist only once a renderer has run. One render is
 * one application: its objects are analysed together with the same rules as plain manifests, and every finding is then
 * moved back to the characters in the user's own files that must change (a values line, a template line, a patch line,
 * a base resource line, a kustomization line).
 *
 * This layer is pure: it builds the renderer's arguments, reads its output and maps findings back. Running processes
 * and reading the disk are the service's business (it passes `RunRenderer` and `ReadText` in), so everything here is
 * testable with recorded output and runs the same in the language server and the CLI.
 */
import type { FileModel } from '../kubernetes/manifest';

/** The renderers we run. The binaries are the user's own (PATH or a setting); the extension ships none. */
export type RendererTool = 'helm' | 'kustomize';

/**
 * One run of a renderer. Arguments are built here from fixed parts and file names, never from a shell line; for
 * Kustomize the runner decides between `kustomize build <dir>` and `kubectl kustomize <dir>` (whichever it found), so
 * `args` are those after `build` / `kustomize`.
 */
export interface RenderCommand {
  tool: RendererTool;
  args: readonly string[];
  /** Working directory: a file-system path. */
  cwd: string;
}

/** Why a render produced no objects. 'not-found': no binary; 'failed': it ran and exited non-zero (message = stderr). */
export type RunFailure = 'not-found' | 'failed' | 'timeout' | 'too-large' | 'cancelled' | 'refused';

export type RunOutcome = { ok: true; stdout: string } | { ok: false; reason: RunFailure; message: string };

/** Runs one command with the service's safety rules (no shell, no plugins, no network, bounded time and output). */
export type RunRenderer = (command: RenderCommand, signal: AbortSignal) => Promise<RunOutcome>;

/** A file's current text by file-system path (the disk's; what the renderer reads too), undefined when unreadable. */
export type ReadText = (path: string) => string | undefined;

/** The characters a user must change, and what produced the value there, for messages. */
export interface Origin {
  /** `file:` URI of a file the user edits. */
  uri: string;
  /** UTF-16 offsets into that file's text as `ReadText` returned it. */
  start: number;
  end: number;
  /** What made it so, for the message: `values-prod.yaml`, `--set server.service.nodePort=9090`, `overlay overlays/prod`. */
  via: string;
}

/** User choices that change what is rendered, per workspace folder (settings and `.kube-service-lens.yaml`). */
export interface RenderOptions {
  /** Value sets as Helm's `--set` takes them (`server.service.nodePort=9090`), each rendered as one more variant. */
  helmValueSets: readonly string[];
  /** Extra values files, relative to the chart folder, each rendered as one more variant over values.yaml. */
  helmValuesFiles: readonly string[];
}

/**
 * One way to render a source: a chart with one layering of values files and value sets, or one kustomization build.
 * A chart has several (values.yaml alone, then each other values file over it, then each value set); a kustomization
 * has one.
 */
export interface Variant {
  /** Stable within its source, for caches and tests: `values.yaml`, `values-prod.yaml`, `set server.service.nodePort=9090`. */
  id: string;
  /** For messages: `values-prod.yaml`, `--set server.service.nodePort=9090`, `overlay overlays/prod`. */
  label: string;
  command: RenderCommand;
}

/** A successful render with the way back to the user's files. */
export interface Rendered {
  variant: Variant;
  /**
   * The renderer's output as a file model (`parseFile` of stdout) under a URI of its own, built with
   * `renderedUri(root, variant)`, so it never collides with a real file.
   */
  file: FileModel;
  /**
   * Where the rendered characters `start`..`end` of `file.text` came from: the most specific origin known (a values
   * line over a template line over the resource itself); undefined when nothing in the user's files can be named.
   * It may render again (Helm's sentinel tracing), hence async and cancellable.
   */
  originOf(start: number, end: number, signal: AbortSignal): Promise<Origin | undefined>;
}

/** A render that failed, placed where the renderer says (Helm names `template:line`), else on the source's root file. */
export interface RenderProblem {
  variant: Variant;
  origin: Origin;
  message: string;
  reason: RunFailure;
}

/** Helm or Kustomize: how to find a source, what to run, and how to read what it printed. */
export interface SourceKind {
  tool: RendererTool;
  /** Whether a file with this base name makes its folder a source (`Chart.yaml`; `kustomization.yaml`, `.yml`, `Kustomization`). */
  isRootFile(baseName: string): boolean;
  /** The renders of the source rooted at `rootDir` (a file-system path), given the file names directly in that folder. */
  variants(rootDir: string, names: readonly string[], options: RenderOptions): Variant[];
  /** Builds the rendered model and its origin map from stdout of a successful run. */
  interpret(rootDir: string, variant: Variant, stdout: string, io: { read: ReadText; run: RunRenderer }): Rendered;
  /** Places a failed run's message on the file and line it names. */
  problem(rootDir: string, variant: Variant, failure: { reason: RunFailure; message: string }, read: ReadText): RenderProblem;
  /**
   * The files a render of `rootDir` reads, by path, as far as can be told without running it: its cache key is their
   * content, and a change to any of them renders it again.
   */
  inputs(rootDir: string, read: ReadText, list: (dir: string) => readonly string[]): string[];
}

/** The URI of a render's output: never a real file, stable per source and variant. */
export function renderedUri(rootDir: string, variant: Variant): string {
  return `kube-service-lens-render://${encodeURI(rootDir.replace(/\\/g, '/'))}?variant=${encodeURIComponent(variant.id)}`;
}
