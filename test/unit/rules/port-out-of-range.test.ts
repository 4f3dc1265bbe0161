import { ruleTester } from '../../kit/ruleTester';
import { portOutOfRange } from '../../../server/src/rules/port-out-of-range';

const svc = (port: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n${port}\n`;

ruleTester.run(portOutOfRange, {
  valid: [
    { name: 'port: 1 → no finding', code: svc('    port: 1') },
    { name: 'port: 65535 → no finding', code: svc('    port: 65535') },
    // a string: value-type reports it
    { name: 'port: "80" → no finding', code: svc('    port: "80"') },
    // not an integer: value-type
    { name: 'port: 80.5 → no finding', code: svc('    port: 80.5') },
    // overflows int32: value-type
    { name: 'port: 99999999999 → no finding', code: svc('    port: 99999999999') },
  ],
  invalid: [
    {
      name: '65536: exact message on the value',
      code: svc('    port: ⟦65536⟧'),
      errors: [
        {
          message:
            'spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive\n' + 'Port numbers are 16-bit: use a value from 1 to 65535.',
          data: { portIndex: 0, value: 65536, missing: false },
        },
      ],
    },
    {
      name: 'missing port: value 0, reported on the first key of the port entry',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - ⟦name⟧: http
    targetPort: 8080
`,
      errors: [
        {
          message:
            'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' +
            "Every Service port needs `port`, the number clients connect to on the Service (1-65535); targetPort, the Pods' port, defaults to it.",
          data: { portIndex: 0, value: 0, missing: true },
        },
      ],
    },
    {
      name: 'port: 0 is reported on the value, port: (null) on the key as missing',
      code: svc('    port: ⟦0⟧'),
      errors: [
        {
          message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' + 'Port numbers are 16-bit: use a value from 1 to 65535.',
          data: { portIndex: 0, value: 0, missing: false },
        },
      ],
    },
    {
      name: 'port: 0 is reported on the value, port: (null) on the key as missing (2)',
      code: svc('    ⟦port⟧:'),
      errors: [
        {
          message:
            'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' +
            "Every Service port needs `port`, the number clients connect to on the Service (1-65535); targetPort, the Pods' port, defaults to it.",
          data: { portIndex: 0, value: 0, missing: true },
        },
      ],
    },
    {
      name: 'port: -1 → error',
      code: svc('    port: ⟦-1⟧'),
      errors: [
        {
          message: 'spec.ports[0].port: Invalid value: -1: must be between 1 and 65535, inclusive\n' + 'Port numbers are 16-bit: use a value from 1 to 65535.',
          data: { portIndex: 0, value: -1, missing: false },
        },
      ],
    },
  ],
});
