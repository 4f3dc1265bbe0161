import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { analyzeFile, type Finding } from '../core/analyze';
import { fixAll, fixesFor } from '../core/fixes';
import type { TextEdit } from '../core/fixes/edits';
import { serviceRefactors } from '../core/fixes/refactors';
import { isService } from '../core/model';
import type { FileModel } from '../core/parse';
import type { AnalysisSettings } from '../core/settings';
import type { WorkspaceIndex } from '../core/workspace';
import { LineIndex } from '../core/text';
import { ALL_RULES } from '../rules';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { Feature } from './feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kube-service-lens`;

function toLspEdits(edits: readonly TextEdit[], lines: LineIndex): LspTextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText }));
}

function sameRange(finding: Finding, diagnostic: Diagnostic, lines: LineIndex): boolean {
  const range = lines.rangeOf(finding.start, finding.end);
  return (
    range.start.line === diagnostic.range.start.line &&
    range.start.character === diagnostic.range.start.character &&
    range.end.line === diagnostic.range.end.line &&
    range.end.character === diagnostic.range.end.character
  );
}

/** Services whose mapping overlaps the requested range: the one under the cursor, or every one a selection touches. */
function servicesIn(file: FileModel, range: Range, lines: LineIndex) {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  return file.objects.filter(({ object, chunk }) => {
    const span = object.root.range;
    return isService(object) && !!span && chunk.start + span[0] <= end && start <= chunk.start + span[2];
  });
}

function refactorActions(file: FileModel, range: Range, lines: LineIndex, settings: AnalysisSettings, textDocument: { uri: string; version: number }, workspace: WorkspaceIndex): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const { object, chunk } of servicesIn(file, range, lines)) {
    if (!isService(object)) continue;
    const several = file.objects.filter(({ object: o }) => isService(o)).length > 1;
    for (const refactor of serviceRefactors(file.text, chunk, object, settings, workspace)) {
      actions.push({
        // With several Services in the file, say which one a rewrite touches.
        title: several && object.name ? `${refactor.title} [${object.name}]` : refactor.title,
        kind: CodeActionKind.RefactorRewrite,
        edit: { documentChanges: [{ textDocument, edits: toLspEdits(refactor.edits, lines) }] },
      });
    }
  }
  return actions;
}

/**
 * Quick fixes for our diagnostics, `refactor.rewrite` conversions between Service types for the Service under the
 * cursor, and `source.fixAll.kube-service-lens` for every safe fix at once (also what `editor.codeActionsOnSave`
 * asks for).
 */
export const codeActionsFeature: Feature = {
  capabilities: {
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND, CodeActionKind.SourceFixAll],
      resolveProvider: false,
    },
  },
  register(ctx) {
    ctx.connection.onCodeAction((params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      const file = ctx.fileModel(params.textDocument.uri);
      if (!document || !file || file.template) return [];
      const settings = ctx.settings();
      const lines = new LineIndex(file.text);
      const textDocument = { uri: document.uri, version: document.version };
      const actions: CodeAction[] = [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
      // Analysis is only needed for fixes; a cursor move that asks for refactorings alone skips it. 'reuse' keeps the
      // cross-resource results the diagnostics passes computed, so fixes match the diagnostics the client shows and a
      // request costs the edited document, not a re-check of every Service against the workspace.
      let analysed: Finding[] | undefined;
      const findings = () => (analysed ??= analyzeFile(file, ctx.index, settings, ALL_RULES, 'reuse'));

      if (wants(CodeActionKind.QuickFix)) {
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const finding = findings().find((f) => f.ruleId === diagnostic.code && sameRange(f, diagnostic, lines));
          if (!finding) continue;
          for (const fix of fixesFor(file, ctx.index, settings, finding)) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred,
              edit: { documentChanges: [{ textDocument, edits: toLspEdits(fix.edits, lines) }] },
            });
          }
        }
      }
      if (wants(CodeActionKind.RefactorRewrite)) actions.push(...refactorActions(file, params.range, lines, settings, textDocument, ctx.index));
      // Source actions are only shown when asked for by kind (Source Action menu, codeActionsOnSave); the light bulb
      // asks without `only` on every cursor move, so fix-all is not computed for it.
      if (only && wants(FIX_ALL_KIND)) {
        const edits = fixAll(file, ctx.index, settings, findings());
        if (edits.length > 0) {
          actions.push({
            title: 'Fix all auto-fixable Kubernetes Service problems',
            kind: FIX_ALL_KIND,
            edit: { documentChanges: [{ textDocument, edits: toLspEdits(edits, lines) }] },
          });
        }
      }
      return actions;
    });
  },
};
