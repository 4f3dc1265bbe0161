import { ruleTester } from '../../kit/ruleTester';
import { portDuplicate } from '../../../server/src/rules/port-duplicate';

const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n${ports}\n`;

ruleTester.run(portDuplicate, {
  valid: [
    {
      name: 'the same number for TCP and UDP is fine',
      code: svc('  - {name: a, port: 53, protocol: UDP}\n  - {name: b, port: 53, protocol: TCP}'),
    },
    {
      name: "missing ports are port-out-of-range's, not duplicates here",
      code: svc('  - {name: a, targetPort: 1}\n  - {name: b, targetPort: 2}'),
    },
  ],
  invalid: [
    {
      name: 'two TCP entries for 12345: Go dump of the key, on the second port value',
      code: svc(`  - name: a
    port: 12345
  - name: b
    port: ⟦12345⟧
    targetPort: 8080`),
      errors: [
        {
          message:
            'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:12345, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n' +
            'spec.ports[0] already uses port 12345/TCP: remove this entry or give it another port (the same number may appear once for TCP and once for UDP).',
          data: { portIndex: 1, firstIndex: 0, value: 12345, protocol: 'TCP' },
          fixes: [{ title: 'Remove ports[1] (same port and protocol as ports[0])', output: svc('  - name: a\n    port: 12345'), preferred: true }],
        },
      ],
    },
    {
      name: 'UDP twice is a duplicate',
      code: svc('  - {name: a, port: 53, protocol: UDP}\n  - {name: b, port: ⟦53⟧, protocol: UDP}'),
      errors: [
        {
          message:
            'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"UDP", AppProtocol:(*string)(nil), Port:53, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n' +
            'spec.ports[0] already uses port 53/UDP: remove this entry or give it another port (the same number may appear once for TCP and once for UDP).',
          data: { portIndex: 1, firstIndex: 0, value: 53, protocol: 'UDP' },
          fixes: [{ title: 'Remove ports[1] (same port and protocol as ports[0])', output: svc('  - {name: a, port: 53, protocol: UDP}'), preferred: true }],
        },
      ],
    },
    {
      name: 'omitted protocol is TCP',
      code: svc('  - {name: a, port: 80}\n  - {name: b, port: ⟦80⟧, protocol: TCP}'),
      errors: [
        {
          message:
            'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}\n' +
            'spec.ports[0] already uses port 80/TCP: remove this entry or give it another port (the same number may appear once for TCP and once for UDP).',
          data: { portIndex: 1, firstIndex: 0, value: 80, protocol: 'TCP' },
          fixes: [{ title: 'Remove ports[1] (same port and protocol as ports[0])', output: svc('  - {name: a, port: 80}'), preferred: true }],
        },
      ],
    },
  ],
});
