import { ruleTester } from '../../kit/ruleTester';
import { namespaceInvalid } from '../../../server/src/rules/namespace-invalid';

const svc = (namespace: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  ports: [{port: 80}]\n`;

ruleTester.run(namespaceInvalid, {
  valid: [
    { name: 'no finding for namespace default', code: svc('default') },
    { name: 'no finding for namespace kube-system', code: svc('kube-system') },
    { name: 'no finding for namespace 123', code: svc('123') },
    { name: 'no finding for namespace ""', code: svc('""') },
    { name: 'no finding for namespace 42', code: svc('42') },
  ],
  invalid: [
    {
      name: 'an upper-case namespace: exact message and suggestion',
      code: svc('⟦Team_A⟧'),
      errors: [
        {
          message:
            "metadata.namespace: Invalid value: \"Team_A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n" +
            'Namespace names are at most 63 lower-case letters, digits and \'-\', starting and ending with a letter or digit, so no namespace can be called "Team_A" (a cluster answers: namespaces "Team_A" not found): did you mean team-a?',
          data: { value: 'Team_A', suggestion: 'team-a' },
          fixes: [{ title: 'Change namespace to team-a', output: svc('team-a'), preferred: true }],
        },
      ],
    },
    {
      name: 'dots get their own API text',
      code: svc('⟦team.a⟧'),
      errors: [
        {
          message:
            'metadata.namespace: Invalid value: "team.a": must not contain dots\n' +
            'Namespace names are at most 63 lower-case letters, digits and \'-\', starting and ending with a letter or digit, so no namespace can be called "team.a" (a cluster answers: namespaces "team.a" not found): did you mean team-a?',
          data: { value: 'team.a', suggestion: 'team-a' },
          fixes: [{ title: 'Change namespace to team-a', output: svc('team-a'), preferred: true }],
        },
      ],
    },
  ],
});
