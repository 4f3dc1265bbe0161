import { ruleTester } from '../../kit/ruleTester';
import { protocolMismatch } from '../../../server/src/rules/protocol-mismatch';

const service = (port: string) => `apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  selector: {app: dns}
  ports:
    - ${port}
`;

const statefulSet = (ports: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: coredns
spec:
  template:
    metadata:
      labels: {app: dns}
    spec:
      containers:
        - name: dns
          ports: ${ports}
`;

ruleTester.run(protocolMismatch, {
  valid: [
    {
      name: 'named, same protocol → no finding',
      code: service('{port: 53, protocol: UDP, targetPort: dns}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{name: dns, containerPort: 53, protocol: UDP}]') },
    },
    {
      name: 'numeric, same protocol → no finding',
      code: service('{port: 53, protocol: UDP}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 53, protocol: UDP}]') },
    },
    {
      name: 'numeric, declared for both protocols → no finding',
      code: service('{port: 53, protocol: UDP}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 53}, {containerPort: 53, protocol: UDP}]') },
    },
    {
      name: 'numeric, undeclared is another rule → no finding',
      code: service('{port: 53, protocol: UDP}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 8080}]') },
    },
    {
      name: 'the Service protocol is itself invalid (protocol-unsupported reports it) → no finding',
      code: service('{port: 80, protocol: HTTP}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 80}]') },
    },
    {
      name: 'the same, with a named targetPort → no finding',
      code: service('{port: 80, protocol: HTTP, targetPort: web}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{name: web, containerPort: 80}]') },
    },
  ],
  invalid: [
    {
      name: 'named, other protocol → warning',
      code: service('{port: 53, protocol: ⟦UDP⟧, targetPort: dns}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{name: dns, containerPort: 53}]') },
      errors: [
        {
          message:
            'Service `dns` port 53/UDP targets the port named `dns`, but StatefulSet `coredns` (dns.yaml:2) declares `dns` only for TCP.\n' +
            'A named targetPort matches only a container port with the same name and protocol, so these pods get no endpoint for this port; use the same protocol on both sides.',
          data: {
            portIndex: 0,
            serviceProtocol: 'UDP',
            containerProtocols: ['TCP'],
            targetPort: 'dns',
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'coredns',
                namespace: 'default',
                uri: 'file:///w/dns.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/dns.yaml',
              start: 187,
              end: 217,
              message: 'Declared for TCP in StatefulSet coredns',
            },
          ],
          fixes: [{ title: "Change the Service port's protocol to TCP", output: service('{port: 53, protocol: TCP, targetPort: dns}'), preferred: true }],
        },
      ],
    },
    {
      name: 'named, Service protocol defaulted to TCP → warning',
      code: service('{port: ⟦53⟧, targetPort: dns}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{name: dns, containerPort: 53, protocol: UDP}]') },
      errors: [
        {
          message:
            'Service `dns` port 53/TCP targets the port named `dns`, but StatefulSet `coredns` (dns.yaml:2) declares `dns` only for UDP.\n' +
            'A named targetPort matches only a container port with the same name and protocol, so these pods get no endpoint for this port; use the same protocol on both sides.',
          data: {
            portIndex: 0,
            serviceProtocol: 'TCP',
            containerProtocols: ['UDP'],
            targetPort: 'dns',
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'coredns',
                namespace: 'default',
                uri: 'file:///w/dns.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/dns.yaml',
              start: 187,
              end: 232,
              message: 'Declared for UDP in StatefulSet coredns',
            },
          ],
          fixes: [{ title: "Change the Service port's protocol to UDP", output: service('{port: 53, targetPort: dns, protocol: UDP}'), preferred: true }],
        },
      ],
    },
    {
      name: 'named, declared for both protocols → warning',
      code: service('{port: 53, protocol: ⟦UDP⟧, targetPort: dns}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{name: dns, containerPort: 53}, {name: dns-udp, containerPort: 53, protocol: UDP}]') },
      errors: [
        {
          message:
            'Service `dns` port 53/UDP targets the port named `dns`, but StatefulSet `coredns` (dns.yaml:2) declares `dns` only for TCP.\n' +
            'A named targetPort matches only a container port with the same name and protocol, so these pods get no endpoint for this port; use the same protocol on both sides.',
          data: {
            portIndex: 0,
            serviceProtocol: 'UDP',
            containerProtocols: ['TCP'],
            targetPort: 'dns',
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'coredns',
                namespace: 'default',
                uri: 'file:///w/dns.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/dns.yaml',
              start: 187,
              end: 217,
              message: 'Declared for TCP in StatefulSet coredns',
            },
          ],
          fixes: [{ title: "Change the Service port's protocol to TCP", output: service('{port: 53, protocol: TCP, targetPort: dns}'), preferred: true }],
        },
      ],
    },
    {
      name: 'numeric, other protocol → warning',
      code: service('{port: 53, protocol: ⟦UDP⟧}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 53}]') },
      errors: [
        {
          message:
            'Service `dns` port 53/UDP sends UDP to port 53 of the pods, but StatefulSet `coredns` (dns.yaml:2) declares 53 only for TCP.\n' +
            'Check which protocol the app listens with on 53: if it is UDP, declare that containerPort with protocol UDP; otherwise set protocol: TCP on the Service port.',
          data: {
            portIndex: 0,
            serviceProtocol: 'UDP',
            containerProtocols: ['TCP'],
            targetPort: 53,
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'coredns',
                namespace: 'default',
                uri: 'file:///w/dns.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/dns.yaml',
              start: 187,
              end: 206,
              message: 'Declared for TCP in StatefulSet coredns',
            },
          ],
          fixes: [{ title: "Change the Service port's protocol to TCP", output: service('{port: 53, protocol: TCP}'), preferred: true }],
        },
      ],
    },
    {
      name: 'SCTP against TCP → warning',
      code: service('{port: 9000, protocol: ⟦SCTP⟧}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 9000}]') },
      errors: [
        {
          message:
            'Service `dns` port 9000/SCTP sends SCTP to port 9000 of the pods, but StatefulSet `coredns` (dns.yaml:2) declares 9000 only for TCP.\n' +
            'Check which protocol the app listens with on 9000: if it is SCTP, declare that containerPort with protocol SCTP; otherwise set protocol: TCP on the Service port.',
          data: {
            portIndex: 0,
            serviceProtocol: 'SCTP',
            containerProtocols: ['TCP'],
            targetPort: 9000,
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'coredns',
                namespace: 'default',
                uri: 'file:///w/dns.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/dns.yaml',
              start: 187,
              end: 208,
              message: 'Declared for TCP in StatefulSet coredns',
            },
          ],
          fixes: [{ title: "Change the Service port's protocol to TCP", output: service('{port: 9000, protocol: TCP}'), preferred: true }],
        },
      ],
    },
    {
      name: 'a numeric mismatch asks which protocol the app uses and is reported on the port when protocol is defaulted',
      code: service('{port: ⟦53⟧}'),
      files: { 'file:///w/dns.yaml': statefulSet('[{containerPort: 53, protocol: UDP}]') },
      errors: [
        {
          message:
            'Service `dns` port 53/TCP sends TCP to port 53 of the pods, but StatefulSet `coredns` (dns.yaml:2) declares 53 only for UDP.\n' +
            'Check which protocol the app listens with on 53: if it is TCP, declare that containerPort with protocol TCP; otherwise set protocol: UDP on the Service port.',
          data: {
            portIndex: 0,
            serviceProtocol: 'TCP',
            containerProtocols: ['UDP'],
            targetPort: 53,
            workloads: [
              {
                kind: 'StatefulSet',
                name: 'coredns',
                namespace: 'default',
                uri: 'file:///w/dns.yaml',
                line: 2,
                range: { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } },
              },
            ],
          },
          related: [
            {
              uri: 'file:///w/dns.yaml',
              start: 187,
              end: 221,
              message: 'Declared for UDP in StatefulSet coredns',
            },
          ],
          fixes: [{ title: "Change the Service port's protocol to UDP", output: service('{port: 53, protocol: UDP}'), preferred: true }],
        },
      ],
    },
  ],
});
