import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, type ServerSettings } from '../../server/src/protocol/index';
import type { RedHatYaml } from './redHatYaml';

type CompletionAnswer = vscode.CompletionItem[] | vscode.CompletionList | null | undefined;

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/**
 * What our language client changes in its own traffic so that it lives well next to Red Hat's YAML extension:
 * - every `kubeServiceLens` configuration answer says whether Red Hat reports syntax errors right now, so the server
 *   reports them exactly when Red Hat does not (per folder, since the server asks per folder);
 * - our completions drop the labels another provider (Red Hat's schema completion) already offers at the same
 *   position, so each key or value is in the list once.
 */
export function redHatMiddleware(redHat: RedHatYaml): Middleware {
  const probing = new Set<string>();
  return {
    workspace: {
      configuration: async (params, token, next) => {
        const answers = await next(params, token);
        if (!Array.isArray(answers)) return answers;
        const reportYamlSyntaxErrors = !redHat.reportsSyntaxErrors;
        return answers.map((answer: unknown, i) =>
          params.items[i]?.section === SETTINGS_SECTION ? ({ ...(isObject(answer) ? answer : {}), reportYamlSyntaxErrors } satisfies ServerSettings) : answer,
        );
      },
    },
    provideCompletionItem: async (document, position, context, token, next) => {
      const key = `${document.uri.toString()}@${document.version}:${position.line}:${position.character}`;
      // The probe below asks every provider, us included: we answer it with nothing, so it sees only the others.
      if (probing.has(key)) return undefined;
      if (!redHat.completes) return next(document, position, context, token);
      probing.add(key);
      let ours: CompletionAnswer;
      let theirs: Set<string>;
      try {
        [ours, theirs] = await Promise.all([next(document, position, context, token), othersLabels(document, position, context)]);
      } finally {
        probing.delete(key);
      }
      return withoutLabels(ours, theirs);
    },
  };
}

/**
 * Labels the other providers offer at `position`. Word-based suggestions (kind Text) are left out: VS Code adds them
 * only when no language provider answers, so they never sit beside ours in the real list.
 */
async function othersLabels(document: vscode.TextDocument, position: vscode.Position, context: vscode.CompletionContext): Promise<Set<string>> {
  try {
    const list = await vscode.commands.executeCommand<vscode.CompletionList | undefined>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
      context.triggerCharacter,
    );
    return new Set((list?.items ?? []).filter((item) => item.kind !== vscode.CompletionItemKind.Text).map(labelOf));
  } catch {
    // No answer from the others: nothing to deduplicate against.
    return new Set();
  }
}

function withoutLabels(answer: CompletionAnswer, labels: Set<string>): CompletionAnswer {
  if (!answer || labels.size === 0) return answer;
  if (Array.isArray(answer)) return answer.filter((item) => !labels.has(labelOf(item)));
  return new vscode.CompletionList(
    answer.items.filter((item) => !labels.has(labelOf(item))),
    answer.isIncomplete,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
