import type { Rule } from '../core/rule';

/**
 * YAML that does not parse cannot be applied at all. Off when the client says another YAML tool (Red Hat's
 * YAML extension) already reports syntax errors, so the user never sees the same error twice.
 */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The YAML does not parse; kubectl would reject the file before any Kubernetes check.',
  crossResource: false,
  checkChunk(chunk, ctx) {
    if (!ctx.settings.yamlSyntaxErrors) return;
    for (const error of chunk.syntaxErrors) {
      ctx.report({ span: error.span, message: `YAML syntax error: ${error.message}`, data: { yamlCode: error.code } });
    }
  },
};
