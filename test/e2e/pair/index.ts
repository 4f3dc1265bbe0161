// Entry of the pair suite (`launch-code-server.mjs --with-redhat`): the same runner as suite/, over this folder.
import { results, runSuiteIn } from '../suite/index';

export { results };

export function run(): Promise<void> {
  return runSuiteIn(__dirname);
}
