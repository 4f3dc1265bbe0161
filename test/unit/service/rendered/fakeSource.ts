import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { renderedUri, type ReadText, type RunOutcome, type RunRenderer, type SourceKind } from '../../../../server/src/rendered/source';

/**
 * A chart-like source for scheduler tests: each `values*.yaml` in the folder is a variant whose render is the text
 * the fake runner returns; every finding is placed on the `nodePort` line of the variant's values file, else of
 * values.yaml beneath it, as Helm's kind would trace a value to the file that supplied it.
 */
export const fakeChart: SourceKind = {
  tool: 'helm',
  isRootFile: (name) => name === 'Chart.yaml',
  variants: (rootDir, names) =>
    names
      .filter((name) => /^values.*\.yaml$/.test(name))
      .map((name) => ({ id: name, label: name, command: { tool: 'helm', args: ['template', 'release', '.', '-f', name], cwd: rootDir } })),
  interpret(rootDir, variant, stdout, io) {
    const file = parseFile(renderedUri(rootDir, variant), stdout);
    return {
      variant,
      file,
      originOf: async () => {
        for (const valuesFile of [path.join(rootDir, variant.id), path.join(rootDir, 'values.yaml')]) {
          const text = io.read(valuesFile) ?? '';
          const at = text.indexOf('nodePort');
          if (at < 0) continue;
          const end = text.indexOf('\n', at);
          return { uri: pathToFileURL(valuesFile).href, start: at, end: end < 0 ? text.length : end, via: variant.label };
        }
        return undefined;
      },
    };
  },
  problem(rootDir, variant, failure) {
    return {
      variant,
      reason: failure.reason,
      message: failure.message,
      origin: { uri: pathToFileURL(path.join(rootDir, 'Chart.yaml')).href, start: 0, end: 5, via: variant.label },
    };
  },
  inputs: (rootDir, _read, list) => list(rootDir).map((name) => path.join(rootDir, name)),
};

/** An in-memory disk: file paths to text. */
export class MemoryDisk {
  readonly files = new Map<string, string>();
  constructor(files: Record<string, string>) {
    for (const [file, text] of Object.entries(files)) this.files.set(file, text);
  }
  read: ReadText = (file) => this.files.get(file);
  list = (dir: string): string[] =>
    [...this.files.keys()]
      .filter((file) => path.dirname(file) === dir)
      .map((file) => path.basename(file))
      .sort();
  uris = (): string[] => [...this.files.keys()].map((file) => pathToFileURL(file).href);
}

/** A NodePort Service whose node port is `port`: out of range below 30000. */
export function serviceYaml(port: number): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n    - port: 80\n      nodePort: ${port}\n`;
}

/** A runner whose answers the test decides per call; records every call and how many ran at once. */
export class FakeRunner {
  calls: Array<{ args: readonly string[]; signal: AbortSignal }> = [];
  running = 0;
  mostAtOnce = 0;
  constructor(private readonly answer: (args: readonly string[], signal: AbortSignal) => Promise<RunOutcome> | RunOutcome) {}
  run: RunRenderer = async (command, signal) => {
    this.calls.push({ args: command.args, signal });
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    try {
      return await this.answer(command.args, signal);
    } finally {
      this.running--;
    }
  };
}
