import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../analysis/finding';
import { DEFAULT_SETTINGS, parsePortRange, type AnalysisSettings } from '../analysis/settings';
import type { FileModel } from '../kubernetes/manifest';
import { LanguageService } from '../service/languageService';
import { applyProjectConfig, findProjectConfig, loadProjectConfig } from '../service/projectConfig';
import { readManifest } from '../node/files';
import { readDiskText } from '../node/render/disk';
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
  settings = {
    ...settings,
    render: {
      enabled: settings.render.enabled && !options.noRender,
      // Several --set flags are one install's values, as `helm install --set a=1 --set b=2` reads them (helm splits
      // each at commas anyway): one more variant with all of them, not one per flag.
      helmValueSets: [...new Set([...settings.render.helmValueSets, ...(options.valueSets.length > 0 ? [options.valueSets.join(',')] : [])])],
      helmValuesFiles: [...new Set([...settings.render.helmValuesFiles, ...options.valuesFiles.map((file) => chartRelative(file, cwd))])],
    },
  };
  if (options.nodePortRange !== undefined) {
    const range = parsePortRange(options.nodePortRange);
    if (!range) throw new UsageError(`--node-port-range "${options.nodePortRange}" is not a range like 30000-32767`);
    settings = { ...settings, nodePortRange: range };
  }
  return { settings, broken };
}

/**
 * A `--values` file as the chart-relative name the settings take: a path from the working folder to a file inside a
 * chart (`charts/web/values-prod.yaml`) becomes `values-prod.yaml`, so it layers over every chart that has one;
 * anything else is taken as chart-relative already.
 */
function chartRelative(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  if (!isFile(absolute)) return file;
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, 'Chart.yaml'))) return path.relative(dir, absolute).split(path.sep).join('/');
    if (path.dirname(dir) === dir) return file;
  }
}

/** A `--helm` or `--kustomize` path, from the working folder; a wrong one stops the run rather than render nothing. */
export function binary(file: string | undefined, flag: string, cwd: string): string | undefined {
  if (file === undefined) return undefined;
  const absolute = path.resolve(cwd, file);
  try {
    accessSync(absolute, constants.X_OK);
    if (statSync(absolute).isFile()) return absolute;
  } catch {
    // Said below.
  }
  throw new UsageError(`${flag} ${file}: not an executable file`);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Files that only renders put findings in, beyond the inputs read: a kustomization named `Kustomization`, a chart's
 * `_helpers.tpl`, a values or patch file outside the inputs. Shown after the inputs, by path.
 */
function renderedElsewhere(rendered: ReadonlyMap<string, Finding[]>, shown: ReadonlySet<string>, cwd: string): FileResult[] {
  const results: FileResult[] = [];
  for (const [uri, findings] of rendered) {
    if (shown.has(uri) || findings.length === 0 || !uri.startsWith('file:')) continue;
    const filePath = fileURLToPath(uri);
    const text = readDiskText(filePath);
    if (text === undefined) continue;
    results.push(placeFindings(path.relative(cwd, filePath) || path.basename(filePath), filePath, text, findings));
  }
  return results.sort((a, b) => a.path.localeCompare(b.path));
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
  service.configureRenderers({ helmPath: binary(options.helmPath, '--helm', cwd), kustomizePath: binary(options.kustomizePath, '--kustomize', cwd) });
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

  // The user's own command runs the renderers they named or have on PATH, as `helm template` would from this shell.
  const rendered = settings.render.enabled ? await service.renderAndCheck() : new Map<string, Finding[]>();
  const results: FileResult[] = models.map(({ display, path: filePath, model }) => placeFindings(display, filePath, model.text, service.findings(model)));
  results.push(...renderedElsewhere(rendered, new Set(models.map(({ model }) => model.uri)), cwd));
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
