import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HELP, parseArgs, UsageError, type CheckOptions } from '../../server/src/cli/args';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, `${argv.join(' ')}: ${String(error)}`);
    return error.message;
  }
  assert.fail(`${argv.join(' ')} was accepted`);
}

const check = (argv: string[]) => parseArgs(['check', ...argv]) as CheckOptions;

test('every option of check, long and short, with its value separate or after =', () => {
  const options = check([
    '--format',
    'sarif',
    '--max-warnings=3',
    '--node-port-range',
    '1-1000',
    '--config=ci.yaml',
    '--no-config',
    '--no-ignore',
    '--color',
    '--helm',
    '/opt/helm',
    '--kustomize=bin/kubectl',
    '--values',
    'values-prod.yaml',
    '--set=server.service.type=LoadBalancer',
    '--values=values-eu.yaml',
    '--set',
    'server.service.nodePort=9090',
    '--no-render',
    'k8s',
    '-',
  ]);
  assert.deepEqual(options, {
    command: 'check',
    inputs: ['k8s', '-'],
    format: 'sarif',
    maxWarnings: 3,
    nodePortRange: '1-1000',
    config: 'ci.yaml',
    noConfig: true,
    noIgnore: true,
    color: true,
    helmPath: '/opt/helm',
    kustomizePath: 'bin/kubectl',
    valuesFiles: ['values-prod.yaml', 'values-eu.yaml'],
    valueSets: ['server.service.type=LoadBalancer', 'server.service.nodePort=9090'],
    noRender: true,
  });
  assert.equal(check(['-f', 'json']).format, 'json');
  assert.equal(check(['-fgithub']).format, 'github');
  assert.deepEqual(check([]).inputs, ['.'], 'the current folder by default');
  assert.equal(check([]).noIgnore, false);
  assert.deepEqual(
    [check([]).valuesFiles, check([]).valueSets, check([]).noRender, check([]).helmPath, check([]).kustomizePath],
    [[], [], false, undefined, undefined],
    'renders with what PATH has by default',
  );
});

test('the last of --color and --no-color wins; a repeated option keeps its last value', () => {
  assert.equal(check(['--color', '--no-color']).color, false);
  assert.equal(check(['--no-color', '--color']).color, true);
  assert.equal(check(['--color', '--no-color', '--color']).color, true);
  assert.equal(check(['-f', 'json', '--format', 'text']).format, 'text');
});

test('-- ends the options: what follows is a path even when it looks like an option', () => {
  assert.deepEqual(check(['--no-config', '--', '--weird.yaml', '-f']).inputs, ['--weird.yaml', '-f']);
  assert.deepEqual(parseArgs(['explain', '--', '--svc.yaml']), { ...EXPLAIN_DEFAULTS, file: '--svc.yaml' });
});

const EXPLAIN_DEFAULTS = {
  command: 'explain',
  service: undefined,
  mermaid: false,
  helmPath: undefined,
  kustomizePath: undefined,
  valuesFiles: [],
  valueSets: [],
  noRender: false,
};

test('explain takes one file, --service NAME and --mermaid', () => {
  assert.deepEqual(parseArgs(['explain', 'svc.yaml', '--service=web', '--mermaid']), { ...EXPLAIN_DEFAULTS, file: 'svc.yaml', service: 'web', mermaid: true });
  assert.deepEqual(parseArgs(['explain', '--service', 'web', 'svc.yaml']), { ...EXPLAIN_DEFAULTS, file: 'svc.yaml', service: 'web' });
});

test('explain takes the rendering options check takes, with the same checks', () => {
  assert.deepEqual(parseArgs(['explain', 'chart/templates/svc.yaml', '--helm', './helm', '--values', 'values-prod.yaml', '--set', 'a.b=1', '--no-render']), {
    ...EXPLAIN_DEFAULTS,
    file: 'chart/templates/svc.yaml',
    helmPath: './helm',
    valuesFiles: ['values-prod.yaml'],
    valueSets: ['a.b=1'],
    noRender: true,
  });
  assert.throws(() => parseArgs(['explain', 'svc.yaml', '--set', 'oops']), /is not key=value/);
});

test('commands: help and version in their usual spellings, anything else is a usage error', () => {
  for (const argv of [[], ['help'], ['--help'], ['-h']]) assert.deepEqual(parseArgs(argv), { command: 'help' });
  for (const argv of [['version'], ['--version'], ['-v']]) assert.deepEqual(parseArgs(argv), { command: 'version' });
  assert.equal(usageError(['frobnicate']), 'unknown command "frobnicate" (expected check, explain or help)');
  assert.equal(usageError(['--format', 'json', 'check']), 'unknown command "--format" (expected check, explain or help)');
});

test('bad usage gets a message in the words of this CLI, never parseArgs’ own', () => {
  const cases: Array<[string[], string]> = [
    [['check', '--foo'], 'unknown option --foo'],
    [['check', '--foo=bar'], 'unknown option --foo'],
    [['check', '-x'], 'unknown option -x'],
    [['check', '--service', 'web'], 'unknown option --service'],
    [['check', '--format'], '--format needs a value'],
    [['check', '-f'], '-f needs a value'],
    [['check', '--format='], '--format needs a value'],
    [['check', '--format', '--no-color', '.'], '--format needs a value'],
    [['check', '--config'], '--config needs a value'],
    [['check', '--node-port-range'], '--node-port-range needs a value'],
    [['check', '--format', 'xml'], '--format must be one of text, json, sarif, github'],
    [['check', '--max-warnings'], '--max-warnings needs a value'],
    [['check', '--max-warnings', '-1'], '--max-warnings needs a whole number ≥ 0'],
    [['check', '--max-warnings', '1.5'], '--max-warnings needs a whole number ≥ 0'],
    [['check', '--max-warnings', ' 2'], '--max-warnings needs a whole number ≥ 0'],
    [['check', '--no-config=yes'], '--no-config takes no value'],
    [['check', '--no-ignore=false'], '--no-ignore takes no value'],
    [['check', '--color=always'], '--color takes no value'],
    [['check', '--helm'], '--helm needs a value'],
    [['check', '--kustomize', '--no-render'], '--kustomize needs a value'],
    [['check', '--values'], '--values needs a value'],
    [['check', '--set'], '--set needs a value'],
    [['check', '--set', 'nodePort'], '--set "nodePort" is not key=value (for example server.service.nodePort=9090)'],
    [['check', '--set', '=9090'], '--set "=9090" is not key=value (for example server.service.nodePort=9090)'],
    [['check', '--no-render=yes'], '--no-render takes no value'],
    [['explain'], 'explain needs a file'],
    [['explain', 'a.yaml', 'b.yaml'], 'explain takes one file'],
    [['explain', 'a.yaml', '--service'], '--service needs a value'],
    [['explain', 'a.yaml', '--service', '--mermaid'], '--service needs a value'],
    [['explain', 'a.yaml', '--mermaid=yes'], '--mermaid takes no value'],
    [['explain', 'a.yaml', '--format', 'json'], 'unknown option --format'],
  ];
  for (const [argv, message] of cases) assert.equal(usageError(argv), message, argv.join(' '));
});

test('the help lists every option of check', () => {
  for (const option of [
    '--format',
    '--max-warnings',
    '--node-port-range',
    '--config',
    '--no-config',
    '--no-ignore',
    '--no-color',
    '--color',
    '--service',
    '--mermaid',
    '--helm',
    '--kustomize',
    '--values',
    '--set',
    '--no-render',
  ]) {
    assert.match(HELP, new RegExp(`${option}\\b`), option);
  }
});
