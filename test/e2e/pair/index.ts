// Entry of the pair suite (`launch-code-server.mjs --with-redhat`): the same runner as suite/, over this folder.
import { results, runFolder } from '../suite/index';

export { results };

export function run(): Promise<void> {
  return runFolder(__dirname);
}
