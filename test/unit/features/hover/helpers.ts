// Test helpers for the hover core: build a workspace from in-memory files and hover at a needle.
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../../server/src/analysis/settings';
import { hoverAt, type HoverResult } from '../../../../server/src/features/hover';

export const URI = 'file:///workspace/service.yaml';

export interface HoverOptions {
  /** Other files of the workspace, by URI. */
  others?: Record<string, string>;
  settings?: Partial<AnalysisSettings>;
  /** Which occurrence of the needle (0-based). */
  occurrence?: number;
  /** Whether the client runs our commands (the VS Code extension does). */
  commandLinks?: boolean;
}

/** The offset of the `occurrence`-th `needle` in `text`; throws when missing, so a typo fails loudly. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`needle ${JSON.stringify(needle)} #${occurrence} not in text`);
  }
  return at;
}

export function hoverResult(text: string, needle: string, options: HoverOptions = {}): HoverResult | undefined {
  const workspace = new WorkspaceIndex();
  const file = parseFile(URI, text);
  workspace.set(file);
  for (const [uri, other] of Object.entries(options.others ?? {})) workspace.set(parseFile(uri, other));
  const env = { uri: URI, file, workspace, settings: { ...DEFAULT_SETTINGS, ...options.settings }, commandLinks: options.commandLinks };
  return hoverAt(env, offsetOf(text, needle, options.occurrence));
}

/** The hover Markdown at the needle; throws when there is no hover. */
export function hover(text: string, needle: string, options: HoverOptions = {}): string {
  const result = hoverResult(text, needle, options);
  if (!result) throw new Error(`no hover at ${JSON.stringify(needle)}`);
  return result.markdown;
}

/** The `- **Here:** ...` line (and its sub-items) of a field hover. */
export function hereOf(markdown: string): string {
  const start = markdown.indexOf('- **Here:** ');
  if (start < 0) throw new Error(`no Here line in:\n${markdown}`);
  const end = markdown.indexOf('\n- **Set differently:**', start);
  return markdown.slice(start + '- **Here:** '.length, end < 0 ? undefined : end);
}

/** The "This Service" block of a type hover. */
export function thisServiceOf(markdown: string): string {
  const start = markdown.indexOf('**This Service**');
  if (start < 0) throw new Error(`no This Service block in:\n${markdown}`);
  const end = markdown.indexOf('\n\n', start);
  return markdown.slice(start, end < 0 ? undefined : end);
}

export const deployment = (name: string, labels: string, replicas: number, ports: string, namespace = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  replicas: ${replicas}
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: app
          image: example/app:1
          ports:
${ports}`;
