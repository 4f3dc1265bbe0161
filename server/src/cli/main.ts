import { HELP, parseArgs, UsageError } from './args';
import { runCheck } from './check';
import { runExplain } from './explain';

declare const KSL_VERSION: string | undefined;
const VERSION = typeof KSL_VERSION === 'string' ? KSL_VERSION : '0.0.0-dev';

/** `kube-service-lens`: the language server's rules for CI and terminals. */
async function main(argv: string[]): Promise<number> {
  try {
    const options = parseArgs(argv);
    switch (options.command) {
      case 'help':
        process.stdout.write(HELP + '\n');
        return 0;
      case 'version':
        process.stdout.write(VERSION + '\n');
        return 0;
      case 'check': {
        const outcome = await runCheck(options, process.cwd(), VERSION);
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        return outcome.exitCode;
      }
      case 'explain': {
        const outcome = await runExplain(options, process.cwd());
        process.stdout.write(outcome.stdout);
        process.stderr.write(outcome.stderr);
        return outcome.exitCode;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kube-service-lens: ${error.message}\nRun "kube-service-lens help" for usage.\n`);
      return 2;
    }
    process.stderr.write(`kube-service-lens: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
