import { isDeepStrictEqual } from 'node:util';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Finding } from '../analysis/analyze';
import type { TextEdit } from '../document/edits';
import type { LinePositions } from '../document/text';
import { DIAGNOSTIC_SOURCE } from '../protocol/index';
import type { Feature } from './feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kube-service-lens`;

function toLspEdits(edits: readonly TextEdit[], lines: LinePositions): LspTextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText }));
}

function sameRange(finding: Finding, diagnostic: Diagnostic, lines: LinePositions): boolean {
  const range = lines.rangeOf(finding.start, finding.end);
  return (
    range.start.line === diagnostic.range.start.line &&
    range.start.character === diagnostic.range.start.character &&
    range.end.line === diagnostic.range.end.line &&
    range.end.character === diagnostic.range.end.character
  );
}

/**
 * The finding a diagnostic was made from, among the current findings of its documents: same rule, same range, and
 * when one rule reports several problems on one range, the one whose `data` it carries. A diagnostic sent before an
 * edit may carry data that no longer matches exactly (a line number moved): the first on its range stands for it then.
 */
function findingBehind(diagnostic: Diagnostic, candidates: readonly Finding[], lines: LinePositions): Finding | undefined {
  const onRange = candidates.filter((f) => f.ruleId === diagnostic.code && sameRange(f, diagnostic, lines));
  if (onRange.length < 2) return onRange[0];
  // As toDiagnostic sent it, after the JSON round trip (which drops undefined fields).
  const sent = (f: Finding): unknown => JSON.parse(JSON.stringify({ ruleId: f.ruleId, ...f.data }));
  return onRange.find((f) => isDeepStrictEqual(sent(f), diagnostic.data)) ?? onRange[0];
}

/**
 * Quick fixes for our diagnostics, `refactor.rewrite` conversions between Service types for the Service under the
 * cursor, and `source.fixAll.kube-service-lens` for every safe fix at once (also what `editor.codeActionsOnSave`
 * asks for).
 *
 * The light bulb asks on every cursor move, so a request costs the documents under the range, not the file: positions
 * go through the open document's line table, and the Services and findings there are found by a binary search over
 * the file's chunks (analysis/analyzeRange.ts).
 */
export const codeActionsFeature: Feature = {
  capabilities: {
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND, CodeActionKind.SourceFixAll],
      resolveProvider: false,
    },
  },
  register(ctx) {
    const { service } = ctx;
    ctx.connection.onCodeAction((params) => {
      const document = service.documents.get(params.textDocument.uri);
      const file = service.file(params.textDocument.uri);
      if (!document || !file || file.template) return [];
      const lines = service.positions(file);
      const textDocument = { uri: document.uri, version: document.version };
      const actions: CodeAction[] = [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));

      if (wants(CodeActionKind.QuickFix)) {
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          // 'reuse' keeps the cross-resource results the diagnostics passes computed, so fixes match the diagnostics
          // the client shows. Only the documents under the diagnostic can hold its finding.
          const start = lines.offsetAt(diagnostic.range.start);
          const end = lines.offsetAt(diagnostic.range.end);
          const finding = findingBehind(diagnostic, service.findingsInRange(file, start, end), lines);
          if (!finding) continue;
          for (const fix of service.quickFixes(file, finding)) {
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
      if (wants(CodeActionKind.RefactorRewrite)) {
        const start = lines.offsetAt(params.range.start);
        const end = lines.offsetAt(params.range.end);
        for (const refactor of service.refactors(file, start, end)) {
          actions.push({
            title: refactor.title,
            kind: CodeActionKind.RefactorRewrite,
            edit: { documentChanges: [{ textDocument, edits: toLspEdits(refactor.edits, lines) }] },
          });
        }
      }
      // Source actions are only shown when asked for by kind (Source Action menu, codeActionsOnSave); the light bulb
      // asks without `only` on every cursor move, so fix-all is not computed for it. It is the one whole-file action.
      if (only && wants(FIX_ALL_KIND)) {
        const edits = service.fixAll(file);
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
