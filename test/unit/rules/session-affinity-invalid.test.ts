import { ruleTester } from '../../kit/ruleTester';
import { sessionAffinityInvalid } from '../../../server/src/rules/session-affinity-invalid';

const service = (affinity: string, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  sessionAffinity: ${affinity}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(sessionAffinityInvalid, {
  valid: [
    { name: 'sessionAffinity None → 0', code: service('None') },
    { name: 'sessionAffinity ClientIP → 0', code: service('ClientIP') },
    // defaulted to None
    { name: 'sessionAffinity "" → 0', code: service('""') },
    { name: 'sessionAffinity (null) → 0', code: service('') },
    // a number is a type error
    { name: 'sessionAffinity 1 → 0', code: service('1') },
  ],
  invalid: [
    {
      name: 'a mis-cased value suggests ClientIP',
      code: service('⟦clientip⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinity: Unsupported value: "clientip": supported values: "ClientIP", "None"\n' +
            'Values are case-sensitive: did you mean "ClientIP"?',
          data: { suggestion: 'ClientIP' },
          fixes: [{ title: 'Change sessionAffinity to ClientIP', output: service('ClientIP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'an unknown value explains both options',
      code: service('⟦Cookie⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"\n' +
            'Use None (the default) or ClientIP, which keeps sending each client IP to the same Pod.',
        },
      ],
    },
    {
      name: 'sessionAffinity none → 1',
      code: service('⟦none⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinity: Unsupported value: "none": supported values: "ClientIP", "None"\n' + 'Values are case-sensitive: did you mean "None"?',
          data: { suggestion: 'None' },
          fixes: [{ title: 'Change sessionAffinity to None', output: service('None'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'sessionAffinity CLIENTIP → 1',
      code: service('⟦CLIENTIP⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinity: Unsupported value: "CLIENTIP": supported values: "ClientIP", "None"\n' +
            'Values are case-sensitive: did you mean "ClientIP"?',
          data: { suggestion: 'ClientIP' },
          fixes: [{ title: 'Change sessionAffinity to ClientIP', output: service('ClientIP'), safe: true, preferred: true }],
        },
      ],
    },
    {
      name: 'ExternalName Services are validated too',
      code: service('⟦sticky⟧', 'ExternalName'),
      errors: [
        {
          message:
            'spec.sessionAffinity: Unsupported value: "sticky": supported values: "ClientIP", "None"\n' +
            'Use None (the default) or ClientIP, which keeps sending each client IP to the same Pod.',
        },
      ],
    },
  ],
});
