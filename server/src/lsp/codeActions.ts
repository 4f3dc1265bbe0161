import { isDeepStrictEqual } from 'node:util';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Finding } from '../analysis/analyze';
import type { TextEdit } from '../document/edits';
import type { LinePositions } from '../document/text';
import { DIAGNOSTIC_SOURCE } from '../protocol/index';
import type { Feature } from './feature';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kube-service-lens`;

function toLspEdits(edits: readonly TextEdit[], lines: LinePositions): LspTextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText }));
}

/** A finding and the diagnostic made from it have the same rule id and the same range. */
function rangeKey(ruleId: unknown, range: Range): string {
  return `${String(ruleId)}\n${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * The finding a diagnostic was made from, among the current findings of its documents: same rule, same range, and
 * when one rule reports several problems on one range, the one whose `data` it carries. A diagnostic sent before an
 * edit may carry data that no longer matches exactly (a line number moved): the first on its range stands for it then.
 */
function findingBehind(diagnostic: Diagnostic, byRange: ReadonlyMap<string, Finding[]>): Finding | undefined {
  const onRange = byRange.get(rangeKey(diagnostic.code, diagnostic.range)) ?? [];
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
        const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
        // The documents under the diagnostics are analysed once per request and their findings looked up by rule and
        // range: a client may send thousands of diagnostics (a selection over a file full of YAML errors), and
        // analysing and searching the documents again for each one took 28 s of CPU for 6,000 (fuzz seed 777001,
        // input 9,217). Only the documents under the diagnostics can hold their findings.
        const byRange = new Map<string, Finding[]>();
        if (ours.length > 0) {
          let from = Infinity;
          let to = -Infinity;
          for (const diagnostic of ours) {
            from = Math.min(from, lines.offsetAt(diagnostic.range.start));
            to = Math.max(to, lines.offsetAt(diagnostic.range.end));
          }
          for (const finding of service.findingsInRange(file, from, Math.max(from, to))) {
            const key = rangeKey(finding.ruleId, lines.rangeOf(finding.start, finding.end));
            const list = byRange.get(key);
            if (list) list.push(finding);
            else byRange.set(key, [finding]);
          }
        }
        for (const diagnostic of ours) {
          const finding = findingBehind(diagnostic, byRange);
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
