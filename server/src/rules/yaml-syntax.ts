import { defineRule } from '../analysis/rule';

const LOOKS_LIKE_KUBERNETES = /^[ \t]*(?:- )?apiVersion[ \t]*:/m;

/**
 * YAML that does not parse cannot be applied at all. Off when the client says another YAML tool (Red Hat's
 * YAML extension) already reports syntax errors, so the user never sees the same error twice.
 */
export const yamlSyntax = defineRule<{ yamlCode: string }>({
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The YAML does not parse; kubectl would reject the file before any Kubernetes check.',
  crossResource: false,
  partialSafe: true,
  checkChunk(chunk, ctx) {
    // YAML that is not a Kubernetes manifest (CI workflows, compose files...) is left alone entirely.
    if (!ctx.settings.yamlSyntaxErrors || chunk.syntaxErrors.length === 0 || !LOOKS_LIKE_KUBERNETES.test(chunk.text)) return;
    for (const error of chunk.syntaxErrors) {
      // kubectl accepts duplicate keys (the last one wins); duplicateField reports them with what really happens.
      if (error.code === 'DUPLICATE_KEY') continue;
      ctx.report({ span: error.span, message: `YAML syntax error: ${error.message}`, data: { yamlCode: error.code } });
    }
  },
});
