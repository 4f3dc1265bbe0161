/**
 * What to render for a chart folder, and which files a render reads. Every command is `helm template` with fixed
 * flags and file names: no `--dependency-update` (no download), no `--post-renderer` (no plugin), no `--validate` and
 * no `--kube-*` (no cluster), so a render reads only the chart folder.
 */
import * as path from 'node:path';
import type { RenderCommand, RenderOptions, ReadText, Variant } from '../source';
import { fileLayer, setLayer, type ValuesLayer } from './values';

/** Helm's own default release name for `helm template` without a NAME (pkg/cmd/template.go, "release-name"). */
export const RELEASE_NAME = 'release-name';

/**
 * `--skip-tests`: test hooks (`templates/tests/`) are run by `helm test`, never created by `helm install`, and
 * `helm create`'s test Pod carries the selector labels, so leaving it in would make it look like a backend.
 */
const FIXED_FLAGS = ['--skip-tests'];

const VALUES_FILE = /^(?:values-.+|.+\.values)\.ya?ml$/;

export const isChartRoot = (baseName: string) => baseName === 'Chart.yaml';

/** The values files of the chart folder other than values.yaml, chart-relative with `/`, settings' ones included. */
export function extraValuesFiles(names: readonly string[], options: RenderOptions): string[] {
  const found = names.filter((name) => VALUES_FILE.test(name));
  const configured = options.helmValuesFiles.map((name) => path.posix.normalize(name.replace(/\\/g, '/')));
  return [...new Set([...found.sort(), ...configured])].filter((name) => name !== 'values.yaml' && name !== '' && !name.startsWith('/'));
}

/**
 * The renders of a chart: values.yaml alone, each other values file over it, each value set over it. Helm reads the
 * chart's own values.yaml as defaults in every render (CoalesceValues, pkg/chart/common/util/coalesce.go), so a
 * variant names only what it adds. Every flag is written `--flag=value` so a value starting with `-` stays a value.
 */
export function chartVariants(rootDir: string, names: readonly string[], options: RenderOptions): Variant[] {
  const base = ['template', RELEASE_NAME, rootDir, ...FIXED_FLAGS];
  const command = (extra: string[]): RenderCommand => ({ tool: 'helm', args: [...base, ...extra], cwd: rootDir });
  const variants: Variant[] = [{ id: 'values.yaml', label: 'values.yaml', command: command([]) }];
  for (const name of extraValuesFiles(names, options)) {
    variants.push({ id: name, label: name, command: command([`--values=${path.resolve(rootDir, name)}`]) });
  }
  for (const valueSet of new Set(options.helmValueSets)) {
    if (valueSet.trim() === '') continue;
    variants.push({ id: `set ${valueSet}`, label: `--set ${valueSet}`, command: command([`--set=${valueSet}`]) });
  }
  return variants;
}

/**
 * The values layers of a variant, lowest first, read back from its command so that a variant passed around by the
 * service needs nothing else: the subchart's own values.yaml when `scope` names one (Helm coalesces the parent's
 * `<sub>:` values over them), values.yaml, then each `--values` file, then each `--set`. A file that cannot be read
 * as a mapping is left out (Helm fails on it, so nothing is traced through it anyway).
 */
export function layersOf(rootDir: string, variant: Variant, read: ReadText, scope: ValuesScope = []): ValuesLayer[] {
  const layers: ValuesLayer[] = [];
  const addFile = (file: string, at: ValuesScope = []) => {
    const text = read(file);
    const layer = text === undefined ? undefined : fileLayer(chartLabel(rootDir, file), file, text, at);
    if (layer) layers.push(layer);
  };
  // The deepest subchart's defaults lie lowest: each chart's values override those of the charts it contains.
  for (let depth = scope.length; depth > 0; depth--) {
    const at = scope.slice(0, depth);
    addFile(path.join(rootDir, ...at.flatMap((name) => ['charts', name]), 'values.yaml'), at);
  }
  addFile(path.join(rootDir, 'values.yaml'));
  for (const arg of variant.command.args) {
    if (arg.startsWith('--values=')) addFile(arg.slice('--values='.length));
    else if (arg.startsWith('--set=')) {
      const layer = setLayer(arg.slice('--set='.length));
      if (layer) layers.push(layer);
    }
  }
  return layers;
}

/** The subcharts a template sits in, outermost first: `charts/a/charts/b/templates/x.yaml` → `['a', 'b']`. */
export type ValuesScope = readonly string[];

export function valuesScope(chartRelativePath: string): ValuesScope {
  const parts = chartRelativePath.split('/');
  const scope: string[] = [];
  for (let i = 0; i + 1 < parts.length && parts[i] === 'charts'; i += 2) scope.push(parts[i + 1]);
  return scope;
}

/**
 * A template's `.Values.a.b` as a path of the parent's merged values: a subchart sees its own section of them, and
 * `global` is shared by every chart (Helm copies the parent's globals down, pkg/chart/common/util/coalesce.go).
 */
export function scopedPath(scope: ValuesScope, reference: readonly string[]): string[] {
  return reference[0] === 'global' ? [...reference] : [...scope, ...reference];
}

/** A file's name for messages: relative to the chart with `/`, or absolute when outside it. */
export function chartLabel(rootDir: string, file: string): string {
  const relative = path.relative(rootDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** The most files one chart's inputs may list: a chart with more is still rendered, its cache key just sees fewer. */
const MAX_INPUTS = 5000;
const MAX_DEPTH = 10;

/**
 * Files a render reads: Chart.yaml, Chart.lock, the values files and schema, `.helmignore`, and everything under
 * templates/, charts/ (subcharts, folders or archives) and crds/. `list` gives a folder's entry names; an entry
 * that lists nothing is taken as a file.
 */
export function chartInputs(rootDir: string, list: (dir: string) => readonly string[]): string[] {
  const files: string[] = [];
  const top = safeList(list, rootDir);
  for (const name of top) {
    if (['templates', 'charts', 'crds'].includes(name)) walk(path.join(rootDir, name), 1);
    else if (/^(?:Chart\.(?:yaml|lock)|values\.schema\.json|\.helmignore)$/.test(name) || /^values\.yaml$/.test(name) || VALUES_FILE.test(name)) {
      files.push(path.join(rootDir, name));
    }
  }
  function walk(dir: string, depth: number): void {
    const names = safeList(list, dir);
    if (names.length === 0) {
      files.push(dir);
      return;
    }
    if (depth > MAX_DEPTH) return;
    for (const name of names) {
      if (files.length >= MAX_INPUTS) return;
      walk(path.join(dir, name), depth + 1);
    }
  }
  return files.slice(0, MAX_INPUTS).sort();
}

function safeList(list: (dir: string) => readonly string[], dir: string): readonly string[] {
  try {
    return list(dir);
  } catch {
    return [];
  }
}
