import { ruleTester } from '../../kit/ruleTester';
import { targetPortInvalid } from '../../../server/src/rules/target-port-invalid';

const svc = (targetPort: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetPort: ${targetPort}\n`;

ruleTester.run(targetPortInvalid, {
  valid: [
    // 0 and "" are defaulted to `port`; a float or a boolean is a decode error (value-type).
    { name: 'no finding for targetPort 8080', code: svc('8080') },
    { name: 'no finding for targetPort http', code: svc('http') },
    { name: 'no finding for targetPort grpc-web', code: svc('grpc-web') },
    { name: 'no finding for targetPort 0', code: svc('0') },
    { name: 'no finding for targetPort ""', code: svc('""') },
    { name: 'no finding for targetPort (null)', code: svc('') },
    { name: 'no finding for targetPort 80.5', code: svc('80.5') },
    { name: 'no finding for targetPort true', code: svc('true') },
    { name: 'no finding for targetPort n-3456789012345', code: svc('n-3456789012345') },
    {
      name: 'a missing port does not make the defaulted targetPort a second error',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - name: http
`,
    },
  ],
  invalid: [
    {
      name: 'a quoted number is a name: exact message, suggestion is the number',
      code: svc('⟦"8080"⟧'),
      errors: [
        {
          message:
            'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)\n' +
            'A quoted targetPort is a container port name, not a number: remove the quotes to send traffic to port 8080.',
          data: { portIndex: 0, value: '8080', suggestion: 8080 },
          fixes: [{ title: 'Remove the quotes (target port 8080)', output: svc('8080'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an out-of-range number',
      code: svc('⟦123456⟧'),
      errors: [
        {
          message:
            'spec.ports[0].targetPort: Invalid value: 123456: must be between 1 and 65535, inclusive\n' +
            'targetPort is the port your Pods listen on: use a value from 1 to 65535.',
          data: { portIndex: 0, value: 123456 },
        },
      ],
    },
    {
      name: 'an upper-case name: one line per failed IANA check, lower-case suggestion',
      code: svc('⟦HTTP⟧'),
      errors: [
        {
          message:
            'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n' +
            'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)\n' +
            "A named targetPort refers to a container port name: at most 15 lower-case letters, digits and '-', with at least one letter and no '-' at either end or twice in a row: did you mean http?",
          data: { portIndex: 0, value: 'HTTP', suggestion: 'http' },
          fixes: [{ title: 'Change to http', output: svc('http'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'a 16-character name',
      code: svc("⟦'n234567890123456'⟧"),
      errors: [
        {
          message:
            'spec.ports[0].targetPort: Invalid value: "n234567890123456": must be no more than 15 characters\n' +
            "A named targetPort refers to a container port name: at most 15 lower-case letters, digits and '-', with at least one letter and no '-' at either end or twice in a row.",
          data: { portIndex: 0, value: 'n234567890123456' },
        },
      ],
    },
    {
      name: 'quoted numbers become numbers (safe); a quoted targetPort too',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      targetPort: ⟦'8080'⟧
`,
      errors: [
        {
          message:
            'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)\n' +
            'A quoted targetPort is a container port name, not a number: remove the quotes to send traffic to port 8080.',
          data: { portIndex: 0, value: '8080', suggestion: 8080 },
          fixes: [
            {
              title: 'Remove the quotes (target port 8080)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      targetPort: 8080
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
