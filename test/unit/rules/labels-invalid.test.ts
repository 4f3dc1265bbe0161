import { ruleTester } from '../../kit/ruleTester';
import { labelsInvalid } from '../../../server/src/rules/labels-invalid';

const svc = (labels: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n${labels}\nspec:\n  ports: [{port: 80}]\n`;

ruleTester.run(labelsInvalid, {
  valid: [
    { name: 'no finding for app: web', code: svc('    app: web') },
    { name: 'no finding for app.kubernetes.io/name: web', code: svc('    app.kubernetes.io/name: web') },
    { name: 'no finding for empty: ""', code: svc('    empty: ""') },
    { name: 'no finding for nothing:', code: svc('    nothing:') },
    // a number: value-type reports it
    { name: 'no finding for version: 1.0', code: svc('    version: 1.0') },
    // a YAML 1.1 boolean for Kubernetes: value-type reports it
    { name: 'no finding for enabled: yes', code: svc('    enabled: yes') },
    { name: 'no finding for tier: my_value.v2', code: svc('    tier: my_value.v2') },
  ],
  invalid: [
    {
      name: 'an invalid value is reported on the value with the value as the printed value',
      code: svc('    owner: ⟦test@datree.io⟧'),
      errors: [
        {
          message:
            "metadata.labels: Invalid value: \"test@datree.io\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n" +
            "Label values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean test-datree.io?",
          data: { part: 'value', key: 'owner', value: 'test@datree.io', suggestion: 'test-datree.io' },
          fixes: [{ title: 'Change the value to test-datree.io', output: svc('    owner: test-datree.io'), preferred: true }],
        },
      ],
    },
    {
      name: 'an invalid key is reported on the key with the key as the printed value',
      code: svc('    ⟦"my label"⟧: web'),
      errors: [
        {
          message:
            "metadata.labels: Invalid value: \"my label\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
            "Label keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean my-label?",
          data: { part: 'key', key: 'my label', suggestion: 'my-label' },
          fixes: [{ title: 'Rename the key to my-label', output: svc('    "my-label": web'), preferred: true }],
        },
      ],
    },
    {
      name: 'a bad prefix and a too-long value',
      code: svc('    ⟦Example.com/app⟧: ⟦vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv⟧'),
      errors: [
        {
          message:
            "metadata.labels: Invalid value: \"Example.com/app\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
            "Label keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean example.com/app?",
          data: { part: 'key', key: 'Example.com/app', suggestion: 'example.com/app' },
          fixes: [
            {
              title: 'Rename the key to example.com/app',
              output: svc('    example.com/app: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv'),
              preferred: true,
            },
          ],
        },
        {
          message:
            'metadata.labels: Invalid value: "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv": must be no more than 63 characters\n' +
            "Label values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv?",
          data: {
            part: 'value',
            key: 'Example.com/app',
            value: 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv',
            suggestion: 'vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv',
          },
          fixes: [
            {
              title: 'Change the value to vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv',
              output: svc('    Example.com/app: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv'),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a value starting with a dot (".myrole")',
      code: svc('    role: ⟦.myrole⟧'),
      errors: [
        {
          message:
            "metadata.labels: Invalid value: \".myrole\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n" +
            "Label values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean myrole?",
          data: { part: 'value', key: 'role', value: '.myrole', suggestion: 'myrole' },
          fixes: [{ title: 'Change the value to myrole', output: svc('    role: myrole'), preferred: true }],
        },
      ],
    },
  ],
});
