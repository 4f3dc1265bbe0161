import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isService } from '../kubernetes/model';
import { misindentedSelector } from '../kubernetes/schema/classify';
import { toMermaid } from '../features/traffic/mermaid';
import { readManifest } from '../node/files';
import { LanguageService } from '../service/languageService';
import { scanFolder } from '../service/workspaceScan';
import { UsageError, type ExplainOptions } from './args';
import { cliSettings } from './check';
import type { CheckOutcome } from './check';

/** Markdown links read badly in a terminal and command links mean nothing there: keep the link text only. */
function forTerminal(markdown: string): string {
  return markdown.replace(/\s*·?\s*\[Show traffic path\]\(command:[^)]*\)/g, '').replace(/\[([^\]]+)\]\((?:https?|file):[^)]*\)/g, '$1');
}

/**
 * `explain FILE`: what each Service in FILE does, in words (the same text as the editor's hover on `type`),
 * or its traffic path as a Mermaid block. The file's folder is indexed, so selectors resolve across files.
 */
export async function runExplain(options: ExplainOptions, cwd: string): Promise<CheckOutcome> {
  const notes: string[] = [];
  const { settings } = cliSettings(
    { command: 'check', inputs: [], format: 'text', noConfig: false, noIgnore: false, color: false, valuesFiles: [], valueSets: [], noRender: true },
    cwd,
    notes,
  );
  const file = path.resolve(cwd, options.file);
  const read = await readManifest(file);
  if (!('text' in read)) throw new UsageError(`${options.file}: ${read.skipped}`);
  const service = new LanguageService({ root: pathToFileURL(cwd).href });
  service.configure(settings);
  // As `check` of the folder would: what .gitignore excludes is not part of the project.
  for (const sibling of (await scanFolder(path.dirname(file), { gitignore: true })).files) {
    if (sibling === file) continue;
    const other = await readManifest(sibling);
    if ('text' in other) service.setFile(pathToFileURL(sibling).href, other.text, { announce: false });
  }
  const model = service.setFile(pathToFileURL(file).href, read.text, { announce: false });

  const services = model.objects.filter(({ object }) => isService(object) && (options.service === undefined || object.name === options.service));
  if (services.length === 0) {
    // A document with syntax errors has no objects (manifest.ts): its Service is not explained from a guess.
    if (model.chunks.some((chunk) => chunk.parsed.recovered)) throw new UsageError(`${options.file}: the YAML does not parse; \`check\` shows where`);
    throw new UsageError(options.service ? `${options.file}: no Service named "${options.service}"` : `${options.file}: no Service in this file`);
  }
  const parts: string[] = [];
  for (const { object, chunk } of services) {
    const offset = chunk.start + object.anchorSpan.start;
    if (options.mermaid) {
      const { paths } = service.trafficPaths(model, offset);
      parts.push('```mermaid\n' + toMermaid(paths).text.trimEnd() + '\n```');
    } else {
      const hover = service.hover(model, offset);
      if (hover) parts.push(forTerminal(hover.markdown).trim());
      // The hover says nothing rather than call the Service selector-less (LanguageService.hover).
      else if (isService(object) && misindentedSelector(object))
        parts.push(`Service \`${object.name ?? '(unnamed)'}\`: its selector is mis-indented (\`check\` shows where), so it selects no pods as written.`);
    }
  }
  return { exitCode: 0, stdout: parts.join('\n\n') + '\n', stderr: notes.map((note) => `kube-service-lens: ${note}\n`).join('') };
}
