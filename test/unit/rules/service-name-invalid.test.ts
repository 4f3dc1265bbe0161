import { ruleTester } from '../../kit/ruleTester';
import { serviceNameInvalid } from '../../../server/src/rules/service-name-invalid';

const svc = (metadata: string) => `apiVersion: v1\nkind: Service\nmetadata:\n${metadata}\nspec:\n  ports: [{port: 80}]\n`;

ruleTester.run(serviceNameInvalid, {
  valid: [
    { name: 'generateName: trailing dash tolerated, other problems reported on metadata.generateName', code: svc('  generateName: web-') },
    { name: 'no finding for name: web', code: svc('  name: web') },
    { name: 'no finding for name: a', code: svc('  name: a') },
    { name: 'no finding for name: my-svc-2', code: svc('  name: my-svc-2') },
    { name: 'no finding for name: ""', code: svc('  name: ""') },
    { name: 'no finding for name: 42', code: svc('  name: 42') },
    { name: 'no finding for generateName: ""', code: svc('  generateName: ""') },
  ],
  invalid: [
    {
      name: 'a mixed-case name: exact message, value covered, suggestion in data',
      code: svc('  name: ⟦My_Service⟧'),
      errors: [
        {
          message:
            "metadata.name: Invalid value: \"My_Service\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n" +
            "Service names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters: did you mean my-service?",
          data: { field: 'metadata.name', value: 'My_Service', suggestion: 'my-service' },
          fixes: [{ title: 'Change name to my-service', output: svc('  name: my-service'), preferred: true }],
        },
      ],
    },
    {
      name: 'a name starting with a digit (valid for most objects, not for Services)',
      code: svc('  name: ⟦1st-api⟧'),
      errors: [
        {
          message:
            "metadata.name: Invalid value: \"1st-api\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n" +
            "Service names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters: did you mean st-api?",
          data: { field: 'metadata.name', value: '1st-api', suggestion: 'st-api' },
          fixes: [{ title: 'Change name to st-api', output: svc('  name: st-api'), preferred: true }],
        },
      ],
    },
    {
      name: 'too long AND invalid: one line per API error',
      code: svc('  name: ⟦Webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx⟧'),
      errors: [
        {
          message:
            'metadata.name: Invalid value: "Webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": must be no more than 63 characters\n' +
            "metadata.name: Invalid value: \"Webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n" +
            "Service names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters: did you mean webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx?",
          data: {
            field: 'metadata.name',
            value: 'Webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            suggestion: 'webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          },
          fixes: [
            {
              title: 'Change name to webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
              output: svc('  name: webxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'generateName: trailing dash tolerated, other problems reported on metadata.generateName (2)',
      code: svc('  generateName: ⟦Web-⟧'),
      errors: [
        {
          message:
            "metadata.generateName: Invalid value: \"Web-\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n" +
            "Service names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters: did you mean web-?",
          data: { field: 'metadata.generateName', value: 'Web-', suggestion: 'web-' },
          fixes: [{ title: 'Change generateName to web-', output: svc('  generateName: web-'), preferred: true }],
        },
      ],
    },
    {
      name: 'web.api: dots are not allowed in Service names',
      code: svc('  name: ⟦web.api⟧'),
      errors: [
        {
          message:
            "metadata.name: Invalid value: \"web.api\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n" +
            "Service names become DNS names, so they may only hold lower-case letters, digits and '-', must start with a letter, end with a letter or digit and be at most 63 characters: did you mean web-api?",
          data: { field: 'metadata.name', value: 'web.api', suggestion: 'web-api' },
          fixes: [{ title: 'Change name to web-api', output: svc('  name: web-api'), preferred: true }],
        },
      ],
    },
  ],
});
