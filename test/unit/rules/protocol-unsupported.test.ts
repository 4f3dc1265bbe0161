import { ruleTester } from '../../kit/ruleTester';
import { protocolUnsupported } from '../../../server/src/rules/protocol-unsupported';

const svc = (protocol: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 53\n    protocol: ${protocol}\n`;

const UNSUPPORTED = (value: string) => `spec.ports[0].protocol: Unsupported value: "${value}": supported values: "SCTP", "TCP", "UDP"`;

ruleTester.run(protocolUnsupported, {
  valid: [
    { name: 'no finding for protocol TCP', code: svc('TCP') },
    { name: 'no finding for protocol UDP', code: svc('UDP') },
    { name: 'no finding for protocol SCTP', code: svc('SCTP') },
    { name: 'no finding for protocol ""', code: svc('""') },
    { name: 'no finding for protocol 6', code: svc('6') },
    { name: 'no finding for protocol yes', code: svc('yes') },
  ],
  invalid: [
    {
      name: 'lower-case tcp: did you mean TCP',
      code: svc('⟦tcp⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('tcp')}\nProtocol names are case-sensitive: did you mean TCP?`,
          data: { portIndex: 0, value: 'tcp', suggestion: 'TCP' },
          fixes: [{ title: 'Change protocol to TCP', output: svc('TCP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'HTTP: runs over TCP, appProtocol offered',
      code: svc('⟦HTTP⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('HTTP')}\nHTTP runs over TCP and a Service port only names the transport: use protocol: TCP (and appProtocol: http to name the application protocol).`,
          data: { portIndex: 0, value: 'HTTP', suggestion: 'TCP', appProtocol: 'http' },
          fixes: [
            {
              title: 'Use protocol: TCP with appProtocol: http',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 53
    protocol: TCP
    appProtocol: http
`,
              preferred: true,
            },
            { title: 'Change protocol to TCP', output: svc('TCP') },
          ],
        },
      ],
    },
    {
      name: 'gRPC and HTTP/2: TCP without an appProtocol guess',
      code: svc('⟦"gRPC"⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('gRPC')}\ngRPC runs over TCP and a Service port only names the transport: use protocol: TCP.`,
          data: { portIndex: 0, value: 'gRPC', suggestion: 'TCP' },
          fixes: [{ title: 'Change protocol to TCP', output: svc('"TCP"'), preferred: true }],
        },
      ],
    },
    {
      name: 'gRPC and HTTP/2: TCP without an appProtocol guess (2)',
      code: svc('⟦"HTTP/2"⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('HTTP/2')}\nHTTP/2 runs over TCP and a Service port only names the transport: use protocol: TCP.`,
          data: { portIndex: 0, value: 'HTTP/2', suggestion: 'TCP' },
          fixes: [{ title: 'Change protocol to TCP', output: svc('"TCP"'), preferred: true }],
        },
      ],
    },
    {
      name: 'TCP/UDP: one protocol per entry, no single suggestion',
      code: svc('⟦TCP/UDP⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('TCP/UDP')}\nA port entry has exactly one protocol: write two entries with the same port number, one with protocol: TCP and one with protocol: UDP.`,
          data: { portIndex: 0, value: 'TCP/UDP' },
        },
      ],
    },
    {
      name: 'Udp → suggestion UDP',
      code: svc('⟦Udp⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('Udp')}\nProtocol names are case-sensitive: did you mean UDP?`,
          data: { portIndex: 0, value: 'Udp', suggestion: 'UDP' },
          fixes: [{ title: 'Change protocol to UDP', output: svc('UDP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'sctp → suggestion SCTP',
      code: svc('⟦sctp⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('sctp')}\nProtocol names are case-sensitive: did you mean SCTP?`,
          data: { portIndex: 0, value: 'sctp', suggestion: 'SCTP' },
          fixes: [{ title: 'Change protocol to SCTP', output: svc('SCTP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'TPC → suggestion TCP',
      code: svc('⟦TPC⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('TPC')}\nProtocol names are case-sensitive: did you mean TCP?`,
          data: { portIndex: 0, value: 'TPC', suggestion: 'TCP' },
          fixes: [{ title: 'Change protocol to TCP', output: svc('TCP'), preferred: true }],
        },
      ],
    },
    {
      name: 'ICMP → suggestion undefined',
      code: svc('⟦ICMP⟧'),
      errors: [
        {
          message: `${UNSUPPORTED('ICMP')}\nUse TCP (the default when omitted), UDP or SCTP.`,
          data: { portIndex: 0, value: 'ICMP' },
        },
      ],
    },
    {
      name: 'mis-cased enum values become the valid value, safely',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      protocol: ⟦tcp⟧
`,
      errors: [
        {
          message: `${UNSUPPORTED('tcp')}\nProtocol names are case-sensitive: did you mean TCP?`,
          data: { portIndex: 0, value: 'tcp', suggestion: 'TCP' },
          fixes: [
            {
              title: 'Change protocol to TCP',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      protocol: TCP
`,
              safe: true,
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
