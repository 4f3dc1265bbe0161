import { ruleTester } from '../../kit/ruleTester';
import { portNameInvalid } from '../../../server/src/rules/port-name-invalid';

const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: ${name}\n    port: 80\n`;

ruleTester.run(portNameInvalid, {
  valid: [
    // A Service port name may be longer than 15 characters and start with a digit (unlike container port names).
    { name: 'no finding for name http', code: svc('http') },
    { name: 'no finding for name grpc-web', code: svc('grpc-web') },
    { name: 'no finding for name a-very-long-port-name-1', code: svc('a-very-long-port-name-1') },
    { name: 'no finding for name 8080', code: svc('8080') },
    { name: 'no finding for name ""', code: svc('""') },
    { name: 'no finding for name 80', code: svc('80') },
  ],
  invalid: [
    {
      name: 'an upper-case name: exact message and suggestion',
      code: svc('⟦HTTP_Web⟧'),
      errors: [
        {
          message:
            "spec.ports[0].name: Invalid value: \"HTTP_Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n" +
            "Port names may only hold lower-case letters, digits and '-', start and end with a letter or digit and be at most 63 characters: did you mean http-web?",
          data: { portIndex: 0, value: 'HTTP_Web', suggestion: 'http-web' },
          fixes: [{ title: 'Rename the port to http-web', output: svc('http-web'), preferred: true }],
        },
      ],
    },
    {
      name: 'dots: the API says "must not contain dots"',
      code: svc('⟦http.web⟧'),
      errors: [
        {
          message:
            'spec.ports[0].name: Invalid value: "http.web": must not contain dots\n' +
            "Port names may only hold lower-case letters, digits and '-', start and end with a letter or digit and be at most 63 characters: did you mean http-web?",
          data: { portIndex: 0, value: 'http.web', suggestion: 'http-web' },
          fixes: [{ title: 'Rename the port to http-web', output: svc('http-web'), preferred: true }],
        },
      ],
    },
    {
      name: '64 characters: length text',
      code: svc('⟦aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa⟧'),
      errors: [
        {
          message:
            'spec.ports[0].name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 63 characters\n' +
            "Port names may only hold lower-case letters, digits and '-', start and end with a letter or digit and be at most 63 characters: did you mean aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?",
          data: {
            portIndex: 0,
            value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
            suggestion: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          },
          fixes: [
            {
              title: 'Rename the port to aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
              output: svc('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
              preferred: true,
            },
          ],
        },
      ],
    },
  ],
});
