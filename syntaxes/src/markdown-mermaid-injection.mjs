// Source of syntaxes/mermaid-markdown.injection.tmLanguage.json (run `node syntaxes/src/build.mjs`).
//
// Injected into Markdown (`text.html.markdown`): highlights ```mermaid / ~~~mermaid fenced code
// blocks with the Mermaid grammar of this extension. The rule has the same shape as the fenced
// blocks of VS Code's own Markdown grammar (markdown-basics), so fences behave identically (the
// block ends at the next fence line; indentation of list items and block quotes is handled by
// Markdown's own `while` rules through `(^|\G)`). The fence content gets
// `meta.embedded.block.mermaid`, which package.json maps to the `mermaid` language through
// `embeddedLanguages`, so comment toggling and brackets inside the fence follow
// syntaxes/mermaid.language-configuration.json.
//
// The selector keeps the injection out of other fenced or indented code blocks, raw HTML and
// comments, so a "```mermaid" line quoted inside a ````markdown block stays plain text.

import { scopeName as mermaidScope } from './mermaid.mjs';

export const scopeName = 'kube-service-lens.markdown-mermaid.injection';

export function grammar() {
  return {
    $schema: 'https://json.schemastore.org/tmlanguage.json',
    name: 'Mermaid fenced code blocks in Markdown (Kubernetes Service Lens)',
    scopeName,
    comment:
      'Injected into text.html.markdown by the Kubernetes Service Lens extension. Generated from syntaxes/src/markdown-mermaid-injection.mjs: edit that file and run `node syntaxes/src/build.mjs`. See docs/grammars.md.',
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.raw -comment -meta.embedded',
    patterns: [{ include: '#mermaid-fenced-code-block' }],
    repository: {
      'mermaid-fenced-code-block': {
        begin: '(^|\\G)(\\s*)(`{3,}|~{3,})\\s*(?i:(mermaid)((\\s+|:|,|\\{|\\?)[^`]*)?$)',
        end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
        beginCaptures: {
          3: { name: 'punctuation.definition.markdown' },
          4: { name: 'fenced_code.block.language.markdown' },
          5: { name: 'fenced_code.block.language.attributes.markdown' },
        },
        endCaptures: {
          3: { name: 'punctuation.definition.markdown' },
        },
        name: 'markup.fenced_code.block.markdown',
        patterns: [
          {
            begin: '(^|\\G)(\\s*)(.*)',
            while: '(^|\\G)(?!\\s*([`~]{3,})\\s*$)',
            contentName: 'meta.embedded.block.mermaid',
            patterns: [{ include: mermaidScope }],
          },
        ],
      },
    },
  };
}
