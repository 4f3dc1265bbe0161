import { completeAt, type CompletionEntry, type CompletionResult } from '../../../../server/src/features/completion';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../../server/src/analysis/settings';
import { WorkspaceIndex } from '../../../../server/src/kubernetes/workspace';

export const SERVICE_URI = 'file:///w/service.yaml';

/**
 * Completion at the `|` in `text` (which is removed), with `others` (uri → text) indexed as the rest of the
 * workspace. The text is parsed exactly as typed, errors and all, like the server does on every keystroke.
 */
export function complete(text: string, others: Record<string, string> = {}, settings: Partial<AnalysisSettings> = {}): CompletionResult & { text: string } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the text');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const workspace = new WorkspaceIndex();
  const file = parseFile(SERVICE_URI, clean);
  workspace.set(file);
  for (const [uri, other] of Object.entries(others)) workspace.set(parseFile(uri, other));
  return { ...completeAt({ uri: SERVICE_URI, file, workspace, settings: { ...DEFAULT_SETTINGS, ...settings } }, offset), text: clean };
}

export const labels = (result: CompletionResult): string[] => result.items.map((item) => item.label);

export function item(result: CompletionResult, label: string): CompletionEntry {
  const found = result.items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no suggestion "${label}" among ${JSON.stringify(labels(result))}`);
  return found;
}

/** The text after applying a suggestion, with snippet placeholders replaced by their defaults. */
export function applied(result: CompletionResult & { text: string }, label: string): string {
  const entry = item(result, label);
  const insert = entry.snippet
    ? entry.insertText.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '')
    : entry.insertText;
  return result.text.slice(0, entry.start) + insert + result.text.slice(entry.end);
}

export const SERVICE_HEAD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n';

export function deployment(name: string, labels: Record<string, string>, ports: Array<{ name?: string; containerPort: number; protocol?: string }> = [], namespace?: string, matchLabels?: Record<string, string>): string {
  const indent = (entries: Record<string, string>, spaces: number) => Object.entries(entries).map(([k, v]) => `${' '.repeat(spaces)}${k}: ${v}`).join('\n');
  const portLines = ports.map((p) => [`            - containerPort: ${p.containerPort}`, p.name ? `              name: ${p.name}` : '', p.protocol ? `              protocol: ${p.protocol}` : ''].filter(Boolean).join('\n'));
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    indent(matchLabels ?? labels, 6),
    '  template:',
    '    metadata:',
    '      labels:',
    indent(labels, 8),
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: example/app:1',
    ...(ports.length ? ['          ports:', ...portLines] : []),
    '',
  ].join('\n');
}
