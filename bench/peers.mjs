// Installs the peer (yaml-language-server 2.0.0) into the clone's own cache, like the e2e tier installs
// code-server: bench-only tools stay out of the extension's dependency tree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const YLS_VERSION = '2.0.0';

export function ensureYamlLanguageServer(cacheDir) {
  const prefix = path.join(cacheDir, `yaml-language-server-${YLS_VERSION}`);
  const bin = path.join(prefix, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(path.join(prefix, 'package.json'), '{"name":"bench-peers","private":true}\n');
    console.log(`installing yaml-language-server@${YLS_VERSION} into ${prefix} ...`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `yaml-language-server@${YLS_VERSION}`], {
      stdio: 'inherit',
    });
  }
  return bin;
}
