import { ruleTester } from '../../kit/ruleTester';
import { portNameDuplicate } from '../../../server/src/rules/port-name-duplicate';

const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

ruleTester.run(portNameDuplicate, {
  valid: [
    {
      name: 'empty and distinct names are fine',
      code: svc('  - {name: "", port: 1}\n  - {name: "", port: 2}\n  - {name: a, port: 3}\n  - {name: b, port: 4}'),
    },
  ],
  invalid: [
    {
      name: 'the second use of a name is reported on its value',
      code: svc('  - name: http\n    port: 80\n  - name: ⟦http⟧\n    port: 8080'),
      errors: [
        {
          message:
            'spec.ports[1].name: Duplicate value: "http"\n' +
            'Port names must be unique within a Service, and spec.ports[0] is already called http: rename one of them.',
          data: { portIndex: 1, firstIndex: 0, value: 'http' },
          fixes: [
            {
              title: 'Rename this port to http-8080',
              output: svc('  - name: http\n    port: 80\n  - name: http-8080\n    port: 8080'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'three uses: two findings, both pointing at the first',
      code: svc('  - {name: a, port: 1}\n  - {name: ⟦a⟧, port: 2}\n  - {name: ⟦a⟧, port: 3}'),
      errors: [
        {
          message:
            'spec.ports[1].name: Duplicate value: "a"\n' +
            'Port names must be unique within a Service, and spec.ports[0] is already called a: rename one of them.',
          data: { portIndex: 1, firstIndex: 0, value: 'a' },
          fixes: [
            {
              title: 'Rename this port to a-2',
              output: svc('  - {name: a, port: 1}\n  - {name: a-2, port: 2}\n  - {name: a, port: 3}'),
              preferred: true,
            },
          ],
        },
        {
          message:
            'spec.ports[2].name: Duplicate value: "a"\n' +
            'Port names must be unique within a Service, and spec.ports[0] is already called a: rename one of them.',
          data: { portIndex: 2, firstIndex: 0, value: 'a' },
          fixes: [
            {
              title: 'Rename this port to a-3',
              output: svc('  - {name: a, port: 1}\n  - {name: a, port: 2}\n  - {name: a-3, port: 3}'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'even invalid names count (the API checks duplicates regardless)',
      code: svc('  - {name: HTTP, port: 1}\n  - {name: ⟦HTTP⟧, port: 2}'),
      errors: [
        {
          message:
            'spec.ports[1].name: Duplicate value: "HTTP"\n' +
            'Port names must be unique within a Service, and spec.ports[0] is already called HTTP: rename one of them.',
          data: { portIndex: 1, firstIndex: 0, value: 'HTTP' },
          fixes: [{ title: 'Rename this port to tcp-2', output: svc('  - {name: HTTP, port: 1}\n  - {name: tcp-2, port: 2}'), preferred: true }],
        },
      ],
    },
    {
      name: 'unnamed ports get names from the named targetPort or the port number; duplicates become unique',
      code: svc('    - name: http\n      port: 80\n    - name: ⟦http⟧\n      port: 8080'),
      errors: [
        {
          message:
            'spec.ports[1].name: Duplicate value: "http"\n' +
            'Port names must be unique within a Service, and spec.ports[0] is already called http: rename one of them.',
          data: { portIndex: 1, firstIndex: 0, value: 'http' },
          fixes: [
            {
              title: 'Rename this port to http-8080',
              output: svc('    - name: http\n      port: 80\n    - name: http-8080\n      port: 8080'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
