// Entry of the suite against the installed VSIX, loaded by the driver extension when the launcher runs with `--vsix`
// (test/e2e/lib/vsix.mjs installs the package). Same runner and result format as ../suite/index.ts.
import { runFolder } from '../suite/index';

export { results } from '../suite/index';

export function run(): Promise<void> {
  return runFolder(__dirname);
}
