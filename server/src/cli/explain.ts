import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isService } from '../kubernetes/model';
import { misindentedSelector } from '../kubernetes/schema/classify';
import { toMermaid } from '../features/traffic/mermaid';
import { readManifest } from '../node/files';
import { LanguageService } from '../service/languageService';
import { scanFolder } from '../service/workspaceScan';
import { UsageError, type ExplainOptions } from './args';
import { binary, cliSettings } from './check';
import { existsSync } from 'node:fs';
import type { FileModel } from '../kubernetes/manifest';
import { KUSTOMIZATION_NAMES } from '../rendered/kustomize/kustomization';
import { renderFailed } from '../rules/render-failed';
import { rendererNotFound } from '../rules/renderer-not-found';
import type { CheckOutcome } from './check';

/**
 * Markdown links read badly in a terminal and command links mean nothing there: keep the link text only. Links into
 * a render (`kube-service-lens-render:`) name no file the user has, so they go the same way.
 */
function forTerminal(markdown: string): string {
  return markdown
    .replace(/\s*·?\s*\[Show traffic path\]\(command:[^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:https?|file|kube-service-lens-render):[^)]*\)/g, '$1');
}

/** The chart or kustomization folder holding `file`, nearest first; undefined for a plain manifest. */
function renderRoot(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (['Chart.yaml', ...KUSTOMIZATION_NAMES].some((name) => existsSync(path.join(dir, name)))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * `explain FILE`: what each Service in FILE does, in words (the same text as the editor's hover on `type`),
 * or its traffic path as a Mermaid block. The file's folder is indexed, so selectors resolve across files.
 */
export async function runExplain(options: ExplainOptions, cwd: string): Promise<CheckOutcome> {
  const notes: string[] = [];
  const { settings } = cliSettings(
    {
      command: 'check',
      inputs: [],
      format: 'text',
      noConfig: false,
      noIgnore: false,
      color: false,
      valuesFiles: options.valuesFiles,
      valueSets: options.valueSets,
      noRender: options.noRender,
    },
    cwd,
    notes,
  );
  const file = path.resolve(cwd, options.file);
  const read = await readManifest(file);
  if (!('text' in read)) throw new UsageError(`${options.file}: ${read.skipped}`);
  const service = new LanguageService({ root: pathToFileURL(cwd).href });
  service.configure(settings);
  service.configureRenderers({ helmPath: binary(options.helmPath, '--helm', cwd), kustomizePath: binary(options.kustomizePath, '--kustomize', cwd) });
  // A template or values file is explained by its render: the whole chart (or overlay folder) is read, and rendered.
  const root = settings.render.enabled ? renderRoot(file) : undefined;
  // As `check` of the folder would: what .gitignore excludes is not part of the project.
  for (const sibling of (await scanFolder(root ?? path.dirname(file), { gitignore: true })).files) {
    if (sibling === file) continue;
    const other = await readManifest(sibling);
    if ('text' in other) service.setFile(pathToFileURL(sibling).href, other.text, { announce: false });
  }
  const model = service.setFile(pathToFileURL(file).href, read.text, { announce: false });
  if (root !== undefined) {
    const findings = await service.renderAndCheck();
    const rendered = await explainRendered(service, model, options);
    if (rendered !== undefined) return { exitCode: 0, stdout: rendered, stderr: notes.map((note) => `kube-service-lens: ${note}\n`).join('') };
    // The file is explained as written: say why it was not rendered (no helm found, a failed render).
    for (const list of findings.values()) {
      for (const finding of list) if (finding.ruleId === rendererNotFound.id || finding.ruleId === renderFailed.id) notes.push(finding.message);
    }
  }

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

/** What the render of a template, values file or kustomization makes: undefined when `model` is not one of those. */
async function explainRendered(service: LanguageService, model: FileModel, options: ExplainOptions): Promise<string | undefined> {
  const plain = service.trafficPaths(model);
  const wanted = (name: string | undefined) => options.service === undefined || name === options.service;
  if (options.mermaid) {
    // The CLI waits for the values lines behind every box: nothing is interactive here.
    const rendered = await service.renderedTrafficPaths(model, plain, new AbortController().signal);
    if (!rendered) return undefined;
    const paths = rendered.paths.filter((entry) => wanted(entry.name));
    if (paths.length === 0) throw new UsageError(noService(options));
    return paths.map((entry) => '```mermaid\n' + toMermaid([entry]).text.trimEnd() + '\n```').join('\n\n') + '\n';
  }
  const explanations = service.renderedExplanations(model, plain);
  if (!explanations) return undefined;
  const shown = explanations.filter((entry) => wanted(entry.name));
  if (shown.length === 0) throw new UsageError(noService(options));
  return shown.map((entry) => `Rendered with ${entry.variant}:\n\n${forTerminal(entry.markdown).trim()}`).join('\n\n') + '\n';
}

function noService(options: ExplainOptions): string {
  return options.service ? `${options.file}: no Service named "${options.service}" in its render` : `${options.file}: its render has no Service`;
}
