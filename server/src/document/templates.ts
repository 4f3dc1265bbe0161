/**
 * Go templates (Helm charts, `envsubst`-style tooling) are not Kubernetes YAML until rendered: their syntax
 * errors and "invalid" values are artefacts of the template, not mistakes. A `{{` inside a quoted scalar
 * (e.g. `args: ['http://x:{{ .Values.port }}']` in a plain manifest) is just text and does not count.
 */
const QUOTED = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'/g;

export function isGoTemplate(text: string): boolean {
  let from = text.indexOf('{{');
  while (from !== -1) {
    const lineStart = text.lastIndexOf('\n', from) + 1;
    let lineEnd = text.indexOf('\n', from);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#')) {
      const unquoted = line.replace(QUOTED, '""');
      const comment = unquoted.search(/(^|\s)#/);
      if ((comment === -1 ? unquoted : unquoted.slice(0, comment)).includes('{{')) return true;
    }
    from = text.indexOf('{{', lineEnd);
  }
  return false;
}
