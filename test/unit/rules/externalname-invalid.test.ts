import { ruleTester } from '../../kit/ruleTester';
import { externalNameInvalid } from '../../../server/src/rules/externalname-invalid';

const svc = (externalName: string | undefined) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n${externalName === undefined ? '' : `  externalName: ${externalName}\n`}`;

ruleTester.run(externalNameInvalid, {
  valid: [
    { name: 'no finding for externalName db.example.com', code: svc('db.example.com') },
    { name: 'no finding for externalName db.example.com.', code: svc('db.example.com.') },
    { name: 'no finding for externalName my-db', code: svc('my-db') },
    { name: 'no finding for externalName 10.0.0.5', code: svc('10.0.0.5') },
    { name: 'no finding for externalName 42', code: svc('42') },
    {
      name: 'other types do not need externalName',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  externalName: "https://x"
  ports: [{port: 80}]
`,
    },
  ],
  invalid: [
    {
      name: 'a URL: exact message on the value, host suggested',
      code: svc('⟦https://db.example.com:5432/⟧'),
      errors: [
        {
          message:
            "spec.externalName: Invalid value: \"https://db.example.com:5432/\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
            "externalName is a bare DNS name that cluster DNS returns as a CNAME: lower-case letters, digits, '-' and '.', without scheme, port or path: did you mean db.example.com?",
          data: { value: 'https://db.example.com:5432/', suggestion: 'db.example.com' },
          fixes: [{ title: 'Change externalName to db.example.com', output: svc('db.example.com'), preferred: true }],
        },
      ],
    },
    {
      name: 'upper case; the printed value drops one trailing dot',
      code: svc('⟦DB.Example.com.⟧'),
      errors: [
        {
          message:
            "spec.externalName: Invalid value: \"DB.Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
            "externalName is a bare DNS name that cluster DNS returns as a CNAME: lower-case letters, digits, '-' and '.', without scheme, port or path: did you mean db.example.com?",
          data: { value: 'DB.Example.com', suggestion: 'db.example.com' },
          fixes: [{ title: 'Change externalName to db.example.com', output: svc('db.example.com'), preferred: true }],
        },
      ],
    },
    {
      name: 'missing externalName: Required on the spec key',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
⟦spec⟧:
  type: ExternalName
`,
      errors: [
        {
          message:
            'spec.externalName: Required value\n' +
            'An ExternalName Service is a DNS alias: set externalName to the DNS name it should resolve to, e.g. db.example.com.',
          data: {},
        },
      ],
    },
    {
      name: '"" and a lone "." are empty: Required on the externalName key',
      code: svc('""'),
      errors: [
        {
          at: 'externalName',
          message:
            'spec.externalName: Required value\n' +
            'An ExternalName Service is a DNS alias: set externalName to the DNS name it should resolve to, e.g. db.example.com.',
          data: {},
        },
      ],
    },
    {
      name: '"" and a lone "." are empty: Required on the externalName key (2)',
      code: svc('"."'),
      errors: [
        {
          at: 'externalName',
          message:
            'spec.externalName: Required value\n' +
            'An ExternalName Service is a DNS alias: set externalName to the DNS name it should resolve to, e.g. db.example.com.',
          data: {},
        },
      ],
    },
    {
      name: 'longer than 253 characters',
      code: svc(
        '⟦aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd⟧',
      ),
      errors: [
        {
          message:
            'spec.externalName: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd": must be no more than 253 characters\n' +
            "externalName is a bare DNS name that cluster DNS returns as a CNAME: lower-case letters, digits, '-' and '.', without scheme, port or path.",
          data: {
            value:
              'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd',
          },
        },
      ],
    },
  ],
});
