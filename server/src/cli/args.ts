/** A small, strict argument parser: unknown flags are errors, not silently ignored. */
export interface CheckOptions {
  command: 'check';
  inputs: string[];
  format: 'text' | 'json' | 'sarif' | 'github';
  maxWarnings?: number;
  nodePortRange?: string;
  config?: string;
  noConfig: boolean;
  color: boolean;
}

export interface ExplainOptions {
  command: 'explain';
  file: string;
  service?: string;
  mermaid: boolean;
}

export type CliOptions = CheckOptions | ExplainOptions | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export function parseArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'version' || command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'check') return parseCheck(rest);
  if (command === 'explain') return parseExplain(rest);
  throw new UsageError(`unknown command "${command}" (expected check, explain or help)`);
}

function valueOf(args: string[], i: number, flag: string): string {
  const value = args[i + 1];
  if (value === undefined || (value.startsWith('--') && value !== '-')) throw new UsageError(`${flag} needs a value`);
  return value;
}

function parseCheck(args: string[]): CheckOptions {
  const options: CheckOptions = { command: 'check', inputs: [], format: 'text', noConfig: false, color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? valueOf(args, i++, flag);
    switch (flag) {
      case '--format':
      case '-f': {
        const format = take();
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        options.format = format as CheckOptions['format'];
        break;
      }
      case '--max-warnings': {
        const value = Number(take());
        if (!Number.isInteger(value) || value < 0) throw new UsageError('--max-warnings needs a whole number ≥ 0');
        options.maxWarnings = value;
        break;
      }
      case '--node-port-range':
        options.nodePortRange = take();
        break;
      case '--config':
        options.config = take();
        break;
      case '--no-config':
        options.noConfig = true;
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        options.inputs.push(arg);
    }
  }
  if (options.inputs.length === 0) options.inputs.push('.');
  return options;
}

function parseExplain(args: string[]): ExplainOptions {
  const options: ExplainOptions = { command: 'explain', file: '', mermaid: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--service') options.service = valueOf(args, i++, arg);
    else if (arg.startsWith('--service=')) options.service = arg.slice('--service='.length);
    else if (arg === '--mermaid') options.mermaid = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (!options.file) options.file = arg;
    else throw new UsageError('explain takes one file');
  }
  if (!options.file) throw new UsageError('explain needs a file');
  return options;
}

export const HELP = `kube-service-lens: checks Kubernetes Service manifests like the API server would, and explains them.

Usage:
  kube-service-lens check [paths|globs|-] [options]
      Analyses YAML files and folders together, as one workspace (selectors and node-port
      collisions are checked across files). "-" reads standard input. Default: the current folder.
      --format text|json|sarif|github   output format (default text; github = workflow commands)
      --max-warnings N                  also fail when there are more than N warnings
      --node-port-range FIRST-LAST      the cluster's --service-node-port-range (default 30000-32767)
      --config FILE                     project settings (default: nearest .kube-service-lens.yaml)
      --no-config                       ignore .kube-service-lens.yaml
      --no-color / --color

  kube-service-lens explain FILE [--service NAME] [--mermaid]
      Explains what each Service in FILE does with its own ports, or prints its traffic path
      as a Mermaid block for a README or pull request.

Exit status: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 usage or fatal error.`;
