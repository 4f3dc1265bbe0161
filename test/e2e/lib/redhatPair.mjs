// The pair run (`launch-code-server.mjs --with-redhat`): our extension next to Red Hat's YAML extension, as most
// Kubernetes users have it, with a strict Service schema standing in for its Kubernetes schema (which it would
// download; see test/e2e/vendor/README.md). It runs the suite in test/e2e/pair/ on the fixtures of
// test/e2e/pair-workspace/.
//
// Red Hat's VSIX is not installed before start-up: the first pair test installs it into the running window, the way
// a user installs it later, because following that without a reload is part of what is tested. The VSIX bundles its
// own language server, so the install needs no network.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REDHAT_VSIX = 'redhat.vscode-yaml-1.25.0.vsix';
const SCHEMA = 'service-v1-strict.schema.json';

/** The pair run's inputs when `--with-redhat` is among `argv`, else undefined. */
export function pairRun(argv, e2eDir, repoRoot) {
  if (!argv.includes('--with-redhat')) return undefined;
  return {
    suiteEntry: path.join(repoRoot, 'out', 'test', 'e2e', 'pair', 'index.js'),
    workspaceSrc: path.join(e2eDir, 'pair-workspace'),
    screenshotFile: path.join(repoRoot, 'test-results', 'e2e-pair-workbench.png'),
    /** Copies the vendored files into the run dir and adds the settings a Red Hat user with a schema has. */
    prepare(run) {
      const vendor = path.join(run.runDir, 'vendor');
      for (const file of [REDHAT_VSIX, SCHEMA]) cpSync(path.join(e2eDir, 'vendor', file), path.join(vendor, file));
      const settingsFile = path.join(run.userData, 'User', 'settings.json');
      const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
      Object.assign(settings, {
        // Red Hat's schema for the fixtures; no catalogue or CRD store downloads, no telemetry prompt. Red Hat
        // prefixes each pattern with `**/`, whose `**` skips folders named with a leading dot (picomatch without
        // `dot`), so the run dir's `.cache` must be spelled out.
        'yaml.schemas': { [path.join(vendor, SCHEMA)]: ['.cache/e2e/*/workspace/pair-*.yaml'] },
        'yaml.schemaStore.enable': false,
        'yaml.kubernetesCRDStore.enable': false,
        'redhat.telemetry.enabled': false,
        'yaml.extension.recommendations': false,
      });
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
      // The suite installs the VSIX from here (the code-server environment reaches the extension host).
      return { E2E_REDHAT_VSIX: path.join(vendor, REDHAT_VSIX) };
    },
    /**
     * One more test result, read from the workbench page after the suite: the hover widget the last pair test left
     * open over `type: NodePort` shows our hover above Red Hat's schema text. Only the page knows that order: the
     * widget sorts hovers by provider (newest registration first), `vscode.executeHoverProvider` by arrival.
     */
    async checkWorkbench(page) {
      const fullTitle = "next to Red Hat YAML (workbench) the hover widget shows our hover above Red Hat YAML's";
      const startedAt = Date.now();
      const result = (error) => ({
        title: fullTitle,
        fullTitle,
        state: error ? 'failed' : 'passed',
        startedAt,
        durationMs: Date.now() - startedAt,
        error: error ? { message: error } : undefined,
      });
      const ours = 'Service shop · type: NodePort';
      const theirs = 'type determines how the Service is exposed';
      let text = '';
      while (Date.now() - startedAt < 15_000) {
        text = (
          await page
            .locator('.monaco-hover:not(.hidden) .monaco-hover-content')
            .allInnerTexts()
            .catch(() => [])
        ).join('\n---\n');
        if (text.includes(ours) && text.includes(theirs)) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      if (!text.includes(ours) || !text.includes(theirs)) return result(`the hover widget does not show both hovers: ${JSON.stringify(text)}`);
      return text.indexOf(ours) < text.indexOf(theirs) ? result() : result(`Red Hat's hover is above ours: ${JSON.stringify(text)}`);
    },
  };
}
