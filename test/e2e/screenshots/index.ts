// Entry of the screenshot steps, loaded by the driver extension when the launcher runs with `--screenshots`
// (test/e2e/lib/screenshots.mjs answers their capture requests). Same runner and result format as ../suite/index.ts.
import { runFolder } from '../suite/index';

export { results } from '../suite/index';

export function run(): Promise<void> {
  return runFolder(__dirname);
}
