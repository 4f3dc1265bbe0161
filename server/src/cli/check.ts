import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, parsePortRange, type AnalysisSettings } from '../analysis/settings';
import type { FileModel } from '../kubernetes/manifest';
import { LanguageService } from '../service/languageService';
import { applyProjectConfig, findProjectConfig, loadProjectConfig } from '../service/projectConfig';
import { readManifest } from '../node/files';
import { ALL_RULES } from '../rules';
import { UsageError, type CheckOptions } from './args';
import { formatGithub, formatJson, formatSarif, formatText } from './formats';
import { expandInputs, readStdin } from './inputs';
import { placeFindings, totals, type FileResult } from './results';

export interface CheckOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Settings for a CLI run: defaults, then the project file, then command-line flags; `broken` when the file has problems. */
export function cliSettings(options: CheckOptions, cwd: string, notes: string[]): { settings: AnalysisSettings; broken: boolean } {
  let broken = false;
  let settings: AnalysisSettings = { ...DEFAULT_SETTINGS, yamlSyntaxErrors: true };
  if (!options.noConfig) {
    const file = options.config ? path.resolve(cwd, options.config) : findProjectConfig(cwd);
    if (file) {
      const config = loadProjectConfig(file);
      notes.push(...config.problems);
      // CI must not pass green with settings it did not mean.
      broken = config.problems.length > 0;
      settings = applyProjectConfig(settings, config);
    } else if (options.config) {
      throw new UsageError(`--config ${options.config}: no such file`);
    }
  }
  if (options.nodePortRange !== undefined) {
    const range = parsePortRange(options.nodePortRange);
    if (!range) throw new UsageError(`--node-port-range "${options.nodePortRange}" is not a range like 30000-32767`);
    settings = { ...settings, nodePortRange: range };
  }
  return { settings, broken };
}

export async function runCheck(options: CheckOptions, cwd: string, version: string, stdin: () => Promise<string> = readStdin): Promise<CheckOutcome> {
  const notes: string[] = [];
  const { settings, broken } = cliSettings(options, cwd, notes);
  const { files, problems } = await expandInputs(options.inputs, cwd, !options.noIgnore);
  let fatal = problems.length > 0 || broken;
  notes.push(...problems);

  // One project file (or the flags) for every input, however many folders they come from: the run is one check.
  const service = new LanguageService({ root: pathToFileURL(cwd).href });
  service.configure(settings);
  const models: Array<{ display: string; path: string; model: FileModel }> = [];
  for (const file of files) {
    const explicit = options.inputs.some((input) => path.resolve(cwd, input) === file.path);
    const read = file.path === '-' ? { text: await stdin() } : await readManifest(file.path);
    const display = file.path === '-' ? '<stdin>' : path.relative(cwd, file.path) || path.basename(file.path);
    if (!('text' in read)) {
      notes.push(`${display}: skipped, ${read.skipped}`);
      if (explicit) fatal = true;
      continue;
    }
    const uri = file.path === '-' ? 'untitled:stdin.yaml' : pathToFileURL(file.path).href;
    models.push({ display, path: file.path, model: service.setFile(uri, read.text, { announce: false }) });
  }

  const results: FileResult[] = models.map(({ display, path: filePath, model }) => placeFindings(display, filePath, model.text, service.findings(model)));
  const t = totals(results);
  let stdout: string;
  switch (options.format) {
    case 'json':
      stdout = formatJson(results);
      break;
    case 'sarif':
      stdout = formatSarif(results, ALL_RULES, version, cwd);
      break;
    case 'github':
      stdout = formatGithub(results, cwd);
      break;
    default:
      stdout = formatText(results, options.color);
  }
  const tooManyWarnings = options.maxWarnings !== undefined && t.warnings > options.maxWarnings;
  if (tooManyWarnings) notes.push(`${t.warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
  const exitCode = fatal ? 2 : t.errors > 0 || tooManyWarnings ? 1 : 0;
  return { exitCode, stdout, stderr: notes.map((note) => `kube-service-lens: ${note}`).join('\n') + (notes.length ? '\n' : '') };
}
