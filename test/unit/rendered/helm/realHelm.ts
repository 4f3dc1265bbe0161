import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../../../kit/corpus';
import { renderTools } from '../../../kit/renderTools';
import { analyzeFile, type Finding } from '../../../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';
import { ALL_RULES } from '../../../../server/src/rules/index';
import { helmSource } from '../../../../server/src/rendered/helm/index';
import type { Origin, ReadText, RenderCommand, RenderOptions, RenderProblem, Rendered, RunRenderer } from '../../../../server/src/rendered/source';

/** The charts these tests render: written for them, MIT like the rest of the repository. */
export const CHARTS = path.join(REPO_ROOT, 'test', 'fixtures', 'helm');

/** The helm the test setup unpacks, found through the shared test kit (which says how to install it when missing). */
export function requireHelm(): string {
  return renderTools().helm;
}

export const read: ReadText = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export const list = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/** Runs helm the plain way (the service's runner adds its sandbox); `commands` records every run, for bounds. */
export function helmRunner(commands: RenderCommand[] = []): RunRenderer {
  const helm = requireHelm();
  return (command, signal) => {
    commands.push(command);
    return new Promise((resolve) => {
      execFile(helm, [...command.args], { cwd: command.cwd, signal, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (signal.aborted) resolve({ ok: false, reason: 'cancelled', message: 'cancelled' });
        else if (error) resolve({ ok: false, reason: 'failed', message: stderr || error.message });
        else resolve({ ok: true, stdout });
      });
    });
  };
}

export const NO_OPTIONS: RenderOptions = { helmValueSets: [], helmValuesFiles: [] };

export type ChartRender = { rendered: Rendered } | { problem: RenderProblem };

/** Every variant of a chart rendered, as the service does it: interpret on success, problem on failure. */
export async function renderChart(rootDir: string, options: RenderOptions = NO_OPTIONS, commands: RenderCommand[] = []): Promise<ChartRender[]> {
  const run = helmRunner(commands);
  const results: ChartRender[] = [];
  for (const variant of helmSource.variants(rootDir, list(rootDir), options)) {
    const outcome = await run(variant.command, new AbortController().signal);
    if (outcome.ok) results.push({ rendered: helmSource.interpret(rootDir, variant, outcome.stdout, { read, run }) });
    else results.push({ problem: helmSource.problem(rootDir, variant, outcome, read) });
  }
  return results;
}

export function renderedOf(results: ChartRender[], label: string): Rendered {
  for (const result of results) if ('rendered' in result && result.rendered.variant.label === label) return result.rendered;
  throw new Error(
    `no successful render labelled ${label}: ${results.map((r) => ('rendered' in r ? r.rendered.variant.label : `${r.problem.variant.label} (failed: ${r.problem.message})`)).join(', ')}`,
  );
}

/** The rules' findings on one render, analysed as one application (its own objects only). */
export function findingsOf(rendered: Rendered): Finding[] {
  const index = new WorkspaceIndex();
  index.set(rendered.file);
  return analyzeFile(rendered.file, index, DEFAULT_SETTINGS, ALL_RULES);
}

/** Where an origin points, for assertions: the file relative to `rootDir` and the text it covers. */
export function describeOrigin(rootDir: string, origin: Origin | undefined): { file: string; text: string; via: string } | undefined {
  if (!origin) return undefined;
  const file = fileURLToPath(origin.uri);
  const text = read(file) ?? '';
  return { file: path.relative(rootDir, file), text: text.slice(origin.start, origin.end), via: origin.via };
}

/** The line (1-based) an origin starts on. */
export function lineOf(origin: Origin): number {
  const text = read(fileURLToPath(origin.uri)) ?? '';
  return text.slice(0, origin.start).split('\n').length;
}
