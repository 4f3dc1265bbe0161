import { ruleTester } from '../../kit/ruleTester';
import { appProtocolInvalid } from '../../../server/src/rules/app-protocol-invalid';

const svc = (appProtocol: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    appProtocol: ${appProtocol}\n`;

ruleTester.run(appProtocolInvalid, {
  valid: [
    { name: 'no finding for appProtocol http', code: svc('http') },
    { name: 'no finding for appProtocol HTTP', code: svc('HTTP') },
    { name: 'no finding for appProtocol https', code: svc('https') },
    { name: 'no finding for appProtocol kubernetes.io/h2c', code: svc('kubernetes.io/h2c') },
    { name: 'no finding for appProtocol kubernetes.io/ws', code: svc('kubernetes.io/ws') },
    { name: 'no finding for appProtocol example.com/my-protocol', code: svc('example.com/my-protocol') },
    { name: 'no finding for appProtocol (null)', code: svc('') },
    { name: 'no finding for appProtocol 42', code: svc('42') },
  ],
  invalid: [
    {
      name: '"grpc web": exact message on the value',
      code: svc('⟦grpc web⟧'),
      errors: [
        {
          message:
            "spec.ports[0].appProtocol: Invalid value: \"grpc web\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
            "appProtocol is an IANA service name such as http, https or grpc, a Kubernetes name such as kubernetes.io/h2c, or your own domain-prefixed name such as example.com/my-protocol; remove it if you don't need it.",
          data: { portIndex: 0, value: 'grpc web' },
          fixes: [
            {
              title: 'Remove appProtocol',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'HTTP/2: the part before / is taken as a prefix',
      code: svc('⟦HTTP/2⟧'),
      errors: [
        {
          message:
            "spec.ports[0].appProtocol: Invalid value: \"HTTP/2\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
            "appProtocol is an IANA service name such as http, https or grpc, a Kubernetes name such as kubernetes.io/h2c, or your own domain-prefixed name such as example.com/my-protocol; remove it if you don't need it.",
          data: { portIndex: 0, value: 'HTTP/2' },
          fixes: [
            {
              title: 'Remove appProtocol',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'an empty appProtocol is set (a pointer to ""), so it fails twice',
      code: svc('⟦""⟧'),
      errors: [
        {
          message:
            'spec.ports[0].appProtocol: Invalid value: "": name part must be non-empty\n' +
            "spec.ports[0].appProtocol: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
            "appProtocol is an IANA service name such as http, https or grpc, a Kubernetes name such as kubernetes.io/h2c, or your own domain-prefixed name such as example.com/my-protocol; remove it if you don't need it.",
          data: { portIndex: 0, value: '' },
          fixes: [
            {
              title: 'Remove appProtocol',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
`,
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
