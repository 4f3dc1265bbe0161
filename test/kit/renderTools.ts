import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './corpus';

/**
 * The real helm and kubectl the rendering tests run, installed into the clone's `.cache/render-tools/` by
 * scripts/render-tools.mjs (test-all.mjs runs it before the tiers that need them). Missing tools fail the test with
 * the command that installs them: a rendering test that skipped itself would pass without testing anything.
 */
export function renderTools(): { helm: string; kubectl: string } {
  const dir = path.join(REPO_ROOT, '.cache', 'render-tools');
  const tools = { helm: path.join(dir, 'helm', 'helm'), kubectl: path.join(dir, 'kubectl', 'kubectl') };
  for (const tool of Object.values(tools)) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: run \`node scripts/render-tools.mjs\` (npm test does)`);
  }
  return tools;
}
