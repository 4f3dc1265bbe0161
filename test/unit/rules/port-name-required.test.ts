import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../../kit/ruleTester';
import { portNameRequired } from '../../../server/src/rules/port-name-required';
import { parseFile } from '../../../server/src/kubernetes/manifest';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { analyzeFile } from '../../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { fixesFor } from '../../../server/src/features/fixes';
import { applyEdits } from '../../../server/src/document/edits';

const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

ruleTester.run(portNameRequired, {
  valid: [
    { name: 'a single port may stay unnamed', code: svc('  - port: 80') },
    { name: 'all named', code: svc('  - {name: a, port: 80}\n  - {name: b, port: 81}') },
    { name: 'a numeric name is a type error (value-type)', code: svc('  - {name: 1, port: 80}\n  - {name: b, port: 81}') },
  ],
  invalid: [
    {
      name: 'the second of two ports has no name: exact message, on its port key, with a suggestion',
      code: svc('  - name: http\n    port: 80\n  - ⟦port⟧: 443\n    targetPort: 8443'),
      errors: [
        {
          message: 'spec.ports[1].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: https.',
          data: { portIndex: 1, suggestion: 'https' },
          fixes: [
            {
              title: 'Name this port https',
              output: svc(`  - name: http
    port: 80
  - name: https
    port: 443
    targetPort: 8443`),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'both unnamed: both reported, suggestions stay unique',
      code: svc('  - ⟦port⟧: 53\n    protocol: UDP\n  - ⟦port⟧: 53\n    protocol: TCP'),
      errors: [
        {
          message: 'spec.ports[0].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: dns.',
          data: { portIndex: 0, suggestion: 'dns' },
          fixes: [
            {
              title: 'Name this port dns',
              output: svc(`  - name: dns
    port: 53
    protocol: UDP
  - port: 53
    protocol: TCP`),
              preferred: true,
            },
          ],
        },
        {
          message: 'spec.ports[1].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: tcp-53.',
          data: { portIndex: 1, suggestion: 'tcp-53' },
          fixes: [
            {
              title: 'Name this port tcp-53',
              output: svc(`  - port: 53
    protocol: UDP
  - name: tcp-53
    port: 53
    protocol: TCP`),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'an empty name counts as missing and is reported on the name key',
      code: svc('  - ⟦name⟧: ""\n    port: 80\n  - name: b\n    port: 81'),
      errors: [
        {
          message: 'spec.ports[0].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: http.',
          data: { portIndex: 0, suggestion: 'http' },
          fixes: [{ title: 'Name this port http', output: svc('  - name: "http"\n    port: 80\n  - name: b\n    port: 81'), preferred: true }],
        },
      ],
    },
    {
      name: 'a valid named targetPort is offered as the name',
      code: svc('  - name: a\n    port: 80\n  - ⟦port⟧: 9000\n    targetPort: grpc'),
      errors: [
        {
          message: 'spec.ports[1].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: grpc.',
          data: { portIndex: 1, suggestion: 'grpc' },
          fixes: [
            {
              title: 'Name this port grpc',
              output: svc(`  - name: a
    port: 80
  - name: grpc
    port: 9000
    targetPort: grpc`),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'an invalid container port name is not offered',
      code: svc('  - name: a\n    port: 80\n  - ⟦port⟧: 9000\n    targetPort: n234567890123456'),
      errors: [
        {
          message: 'spec.ports[1].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: tcp-9000.',
          data: { portIndex: 1, suggestion: 'tcp-9000' },
          fixes: [
            {
              title: 'Name this port tcp-9000',
              output: svc(`  - name: a
    port: 80
  - name: tcp-9000
    port: 9000
    targetPort: n234567890123456`),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'unnamed ports get names from the named targetPort or the port number; duplicates become unique',
      code: svc('    - ⟦port⟧: 80\n      targetPort: web\n    - ⟦port⟧: 9090'),
      errors: [
        {
          message: 'spec.ports[0].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: web.',
          data: { portIndex: 0, suggestion: 'web' },
          fixes: [{ title: 'Name this port web', output: svc('    - name: web\n      port: 80\n      targetPort: web\n    - port: 9090'), preferred: true }],
        },
        {
          message: 'spec.ports[1].name: Required value\n' + 'When a Service has more than one port, every port needs a unique name, e.g. name: metrics.',
          data: { portIndex: 1, suggestion: 'metrics' },
          fixes: [
            {
              title: 'Name this port metrics',
              output: svc('    - port: 80\n      targetPort: web\n    - name: metrics\n      port: 9090'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});

test('the first fixes of all unnamed ports apply together and name every port', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: web\n    - port: 9090\n';
  const index = new WorkspaceIndex();
  const file = parseFile('file:///workspace/test.yaml', text);
  index.set(file);
  const findings = analyzeFile(file, index, DEFAULT_SETTINGS, [portNameRequired]);
  assert.equal(findings.length, 2);
  const all = applyEdits(
    text,
    findings.flatMap((finding) => fixesFor(file, index, DEFAULT_SETTINGS, finding)[0].edits),
  );
  assert.match(all, /- name: web\n {6}port: 80\n {6}targetPort: web\n {4}- name: metrics\n {6}port: 9090\n/);
});
