import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { analyzeFile, type Finding } from '../core/analyze';
import { fixAll, fixesFor } from '../core/fixes';
import type { TextEdit } from '../core/fixes/edits';
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

/** Quick fixes for our diagnostics, and `source.fixAll.kube-service-lens` for every safe fix at once. */
export const codeActionsFeature: Feature = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: false },
  },
  register(ctx) {
    ctx.connection.onCodeAction((params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      const file = ctx.fileModel(params.textDocument.uri);
      if (!document || !file) return [];
      const settings = ctx.settings();
      const findings = analyzeFile(file, ctx.index, settings, ALL_RULES);
      const lines = new LineIndex(file.text);
      const textDocument = { uri: document.uri, version: document.version };
      const actions: CodeAction[] = [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));

      if (wants(CodeActionKind.QuickFix)) {
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          const finding = findings.find((f) => f.ruleId === diagnostic.code && sameRange(f, diagnostic, lines));
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
      if (wants(FIX_ALL_KIND)) {
        const edits = fixAll(file, ctx.index, settings, findings);
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
