/**
 * The real `kubectl kustomize` for the Kustomize source's tests, run the way the service runs a renderer (fixed
 * arguments, no shell), and the steps the service takes around it: variants, interpret or problem, then the rules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeFile, type Finding } from '../../../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';
import { kustomizeSource } from '../../../../server/src/rendered/kustomize';
import type { Origin, Rendered, RenderProblem, RunRenderer, Variant } from '../../../../server/src/rendered/source';
import { ALL_RULES } from '../../../../server/src/rules';
import { REPO_ROOT } from '../../../kit/corpus';
import { renderTools } from '../../../kit/renderTools';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'kustomize');

export const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

const refuseToRun: RunRenderer = async () => ({ ok: false, reason: 'refused', message: 'a Kustomize build never runs a second command' });

export interface CheckedFinding extends Finding {
  origin?: Origin;
}

export type Outcome = { rendered: Rendered; findings: CheckedFinding[] } | { problem: RenderProblem };

/** Builds the kustomization in `dir` with kubectl and checks what it rendered with every rule. */
export async function renderAndCheck(dir: string): Promise<Outcome> {
  const names = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].filter((name) => existsSync(path.join(dir, name)));
  const [variant] = kustomizeSource.variants(dir, names, { helmValueSets: [], helmValuesFiles: [] });
  const run = build(variant);
  if (!run.ok) return { problem: kustomizeSource.problem(dir, variant, { reason: 'failed', message: run.message }, readText) };
  const rendered = kustomizeSource.interpret(dir, variant, run.stdout, { read: readText, run: refuseToRun });
  const index = new WorkspaceIndex();
  index.set(rendered.file);
  const signal = new AbortController().signal;
  const findings = await Promise.all(
    analyzeFile(rendered.file, index, DEFAULT_SETTINGS, ALL_RULES).map(async (finding) => ({
      ...finding,
      origin: await rendered.originOf(finding.start, finding.end, signal),
    })),
  );
  return { rendered, findings };
}

function build(variant: Variant): { ok: true; stdout: string } | { ok: false; message: string } {
  try {
    const stdout = execFileSync(renderTools().kubectl, ['kustomize', ...variant.command.args], {
      cwd: variant.command.cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return { ok: true, stdout };
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    return { ok: false, message: failed.stderr || failed.message };
  }
}

/** The characters an origin covers, read from its file. */
export function originText(origin: Origin): string {
  return readText(fileURLToPath(origin.uri))!.slice(origin.start, origin.end);
}

/** The 0-based line of an origin in its file. */
export function originLine(origin: Origin): number {
  return readText(fileURLToPath(origin.uri))!.slice(0, origin.start).split('\n').length - 1;
}

/** The 0-based line of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  const lines = readText(file)!.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(text));
  if (line < 0) throw new Error(`no line with ${JSON.stringify(text)} in ${file}`);
  return line;
}
