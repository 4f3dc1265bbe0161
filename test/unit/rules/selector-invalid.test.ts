import { ruleTester } from '../../kit/ruleTester';
import { selectorInvalid } from '../../../server/src/rules/selector-invalid';

const svc = (selector: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n${selector}\n  ports: [{port: 80}]\n`;

ruleTester.run(selectorInvalid, {
  valid: [
    {
      name: "metadata labels are not this rule's business",
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: "my app"}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`,
    },
    { name: 'no finding for app: web', code: svc('    app: web') },
    { name: 'no finding for app.kubernetes.io/name: web', code: svc('    app.kubernetes.io/name: web') },
    { name: 'no finding for app: ""', code: svc('    app: ""') },
    { name: 'no finding for app: 1', code: svc('    app: 1') },
    { name: "a selector written as a list is a type error, not this rule's", code: svc('  - app: "my app"') },
  ],
  invalid: [
    {
      name: 'a selector value with a space: path spec.selector, value covered',
      code: svc('    app: ⟦my app⟧'),
      errors: [
        {
          message:
            "spec.selector: Invalid value: \"my app\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n" +
            "Selector values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit: did you mean my-app?",
          data: { part: 'value', key: 'app', value: 'my app', suggestion: 'my-app' },
          fixes: [{ title: 'Change the value to my-app', output: svc('    app: my-app'), preferred: true }],
        },
      ],
    },
    {
      name: 'a selector key with two slashes gets the whole-key text and no suggestion',
      code: svc('    ⟦a/b/c⟧: web'),
      errors: [
        {
          message:
            "spec.selector: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')\n" +
            "Selector keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
          data: { part: 'key', key: 'a/b/c' },
        },
      ],
    },
  ],
});
