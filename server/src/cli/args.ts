import { parseArgs as tokenize } from 'node:util';

/** A strict argument parser: unknown flags are errors, not silently ignored. */
export interface CheckOptions {
  command: 'check';
  inputs: string[];
  format: 'text' | 'json' | 'sarif' | 'github';
  maxWarnings?: number;
  nodePortRange?: string;
  config?: string;
  noConfig: boolean;
  /** `--no-ignore`: walk folders and globs without honouring `.gitignore`. */
  noIgnore: boolean;
  color: boolean;
  /** `--helm`: the helm binary to render charts with (else PATH). */
  helmPath?: string;
  /** `--kustomize`: the kustomize or kubectl binary to build kustomizations with (else PATH). */
  kustomizePath?: string;
  /** `--values`, repeatable: values files rendered as one more variant of every chart each. */
  valuesFiles: string[];
  /** `--set`, repeatable: value sets rendered as one more variant of every chart each. */
  valueSets: string[];
  /** `--no-render`: check charts and kustomizations as plain files, without running helm or kustomize. */
  noRender: boolean;
}

export interface ExplainOptions extends Pick<CheckOptions, 'helmPath' | 'kustomizePath' | 'valuesFiles' | 'valueSets' | 'noRender'> {
  command: 'explain';
  file: string;
  service?: string;
  mermaid: boolean;
}

export type CliOptions = CheckOptions | ExplainOptions | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: true }>;

const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  'node-port-range': { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  helm: { type: 'string' },
  kustomize: { type: 'string' },
  values: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  'no-render': { type: 'boolean' },
} satisfies OptionSpec;

const EXPLAIN_OPTIONS = {
  service: { type: 'string' },
  mermaid: { type: 'boolean' },
  helm: { type: 'string' },
  kustomize: { type: 'string' },
  values: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  'no-render': { type: 'boolean' },
} satisfies OptionSpec;

export function parseArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'version' || command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'explain') return parseExplain(rest);
  throw new UsageError(`unknown command "${command}" (expected check, explain or help)`);
}

interface Parsed {
  /** Option name → its value (`true` for a flag), the last occurrence winning. */
  values: Map<string, string | true>;
  /** Option name → every value given, in order, for the options that may be repeated. */
  lists: Map<string, string[]>;
  positionals: string[];
}

/**
 * Splits arguments with node:util's parseArgs (`--name value`, `--name=value`, `-f value`, `-fvalue`, `--` ending
 * the options) in its lenient mode, which reports every token instead of throwing its own long messages: the
 * mistakes are then told in this CLI's words.
 */
function parse(args: string[], spec: OptionSpec): Parsed {
  const { tokens } = tokenize({ args, options: spec, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const type = Object.hasOwn(spec, token.name) ? spec[token.name].type : undefined;
    if (type === undefined) throw new UsageError(`unknown option ${token.rawName}`);
    // Re-inserted, so that the keys' order is the order of each option's last occurrence.
    values.delete(token.name);
    if (type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values.set(token.name, true);
      continue;
    }
    // Without `=`, parseArgs takes the next argument whatever it is; an option there means the value was forgotten.
    const missing = token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('--'));
    if (missing) throw new UsageError(`${token.rawName} needs a value`);
    values.set(token.name, token.value as string);
    if (spec[token.name].multiple) lists.set(token.name, [...(lists.get(token.name) ?? []), token.value as string]);
  }
  return { values, lists, positionals };
}

function parseCheck(args: string[]): CheckOptions {
  const { values, lists, positionals } = parse(args, CHECK_OPTIONS);
  const string = (name: keyof typeof CHECK_OPTIONS) => values.get(name) as string | undefined;
  const options: CheckOptions = {
    command: 'check',
    inputs: positionals.length > 0 ? positionals : ['.'],
    format: 'text',
    nodePortRange: string('node-port-range'),
    config: string('config'),
    noConfig: values.has('no-config'),
    noIgnore: values.has('no-ignore'),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    ...renderFlags(values, lists),
  };
  const format = string('format');
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    options.format = format as CheckOptions['format'];
  }
  const maxWarnings = string('max-warnings');
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings)) throw new UsageError('--max-warnings needs a whole number ≥ 0');
    options.maxWarnings = Number(maxWarnings);
  }
  // The last of --color and --no-color wins, as each used to override the one before.
  const lastColorFlag = [...values.keys()].filter((name) => name === 'color' || name === 'no-color').pop();
  if (lastColorFlag) options.color = lastColorFlag === 'color';
  return options;
}

/** The rendering flags `check` and `explain` share. */
function renderFlags(
  values: Parsed['values'],
  lists: Parsed['lists'],
): Pick<CheckOptions, 'helmPath' | 'kustomizePath' | 'valuesFiles' | 'valueSets' | 'noRender'> {
  const valueSets = lists.get('set') ?? [];
  for (const valueSet of valueSets) {
    // Helm's own parser (strvals) needs a key before the first `=`; without one it fails every render of every chart.
    if (!/^[^=,]+=/.test(valueSet)) throw new UsageError(`--set "${valueSet}" is not key=value (for example server.service.nodePort=9090)`);
  }
  const path = (name: string) => values.get(name) as string | undefined;
  return { helmPath: path('helm'), kustomizePath: path('kustomize'), valuesFiles: lists.get('values') ?? [], valueSets, noRender: values.has('no-render') };
}

function parseExplain(args: string[]): ExplainOptions {
  const { values, lists, positionals } = parse(args, EXPLAIN_OPTIONS);
  if (positionals.length === 0) throw new UsageError('explain needs a file');
  if (positionals.length > 1) throw new UsageError('explain takes one file');
  const string = (name: keyof typeof EXPLAIN_OPTIONS) => values.get(name) as string | undefined;
  const options: ExplainOptions = {
    command: 'explain',
    file: positionals[0],
    service: string('service'),
    mermaid: values.has('mermaid'),
    ...renderFlags(values, lists),
  };
  return options;
}

export const HELP = `kube-service-lens: checks Kubernetes Service manifests like the API server would, and explains them.

Usage:
  kube-service-lens check [paths|globs|-] [options]
      Analyses YAML files and folders together, as one workspace (selectors and node-port
      collisions are checked across files). "-" reads standard input. Default: the current folder.
      Folders and globs leave out what .gitignore files exclude, and node_modules, .git, dist, out,
      vendor and similar folders. Paths after "--" are never read as options.
      Helm charts (Chart.yaml) and kustomizations among the inputs are rendered with helm template
      and kustomize build, and what they render is checked too; findings point at the values,
      template, patch or kustomization line that produced them.
      --format text|json|sarif|github   output format (default text; github = workflow commands)
      --max-warnings N                  also fail when there are more than N warnings
      --node-port-range FIRST-LAST      the cluster's --service-node-port-range (default 30000-32767)
      --config FILE                     project settings (default: nearest .kube-service-lens.yaml)
      --no-config                       ignore .kube-service-lens.yaml
      --no-ignore                       also check what .gitignore files exclude (files named
                                        explicitly are always checked)
      --no-color / --color
      --helm PATH                       the helm binary to render charts with (default: helm on PATH)
      --kustomize PATH                  the kustomize or kubectl binary to build kustomizations with
                                        (default: kustomize, else kubectl, on PATH)
      --values FILE                     render every chart once more with this values file over its
                                        values.yaml (relative to the chart folder; repeatable)
      --set KEY=VALUE                   render every chart once more with these values, as helm's --set
                                        (repeatable: all --set flags together are one more render)
      --no-render                       do not run helm or kustomize: check templates, values files and
                                        patches as plain files

  kube-service-lens explain FILE [--service NAME] [--mermaid] [render options]
      Explains what each Service in FILE does with its own ports, or prints its traffic path
      as a Mermaid block for a README or pull request. For a chart's template or values file,
      or a kustomization, the Services it renders (with the render's own workloads); takes
      --helm, --kustomize, --values, --set and --no-render as check does.

Exit status: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 usage or fatal error.`;
