import { ruleTester } from '../../kit/ruleTester';
import { sessionAffinityTimeoutInvalid } from '../../../server/src/rules/session-affinity-timeout-invalid';

const service = (affinity: string, timeout: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: ${affinity}
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: ${timeout}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(sessionAffinityTimeoutInvalid, {
  valid: [
    { name: 'ClientIP with timeoutSeconds 1 → 0', code: service('ClientIP', '1') },
    { name: 'ClientIP with timeoutSeconds 10800 → 0', code: service('ClientIP', '10800') },
    // accepted despite "less than 86400"
    { name: 'ClientIP with timeoutSeconds 86400 → 0', code: service('ClientIP', '86400') },
    // null: defaulted to 10800
    { name: 'ClientIP with timeoutSeconds (null) → 0', code: service('ClientIP', '') },
    // a string is a type error
    { name: 'ClientIP with timeoutSeconds "60" → 0', code: service('ClientIP', '"60"') },
    // the config is dropped with None (session-affinity-config-ignored)
    { name: 'None with timeoutSeconds 0 → 0', code: service('None', '0') },
    // an invalid affinity is session-affinity-invalid's
    { name: 'clientip with timeoutSeconds 0 → 0', code: service('clientip', '0') },
  ],
  invalid: [
    {
      name: 'a zero timeout is rejected on its value',
      code: service('ClientIP', '⟦0⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400\n' +
            'The stickiness timeout must be 1 to 86400 seconds (one day); remove timeoutSeconds to get the default of 10800 (3 hours).',
          data: { value: 0, min: 1, max: 86400, default: 10800 },
          fixes: [
            {
              title: 'Remove timeoutSeconds (default 10800 seconds)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
  selector:
    app: web
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
      name: 'ClientIP with timeoutSeconds 86401 → 1',
      code: service('ClientIP', '⟦86401⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400\n' +
            'The stickiness timeout must be 1 to 86400 seconds (one day); remove timeoutSeconds to get the default of 10800 (3 hours).',
          data: { value: 86401, min: 1, max: 86400, default: 10800 },
          fixes: [
            {
              title: 'Remove timeoutSeconds (default 10800 seconds)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
  selector:
    app: web
  ports:
    - port: 80
`,
              preferred: true,
            },
            { title: 'Use timeoutSeconds: 86400 (the maximum, one day)', output: service('ClientIP', '86400') },
          ],
        },
      ],
    },
    {
      name: 'ClientIP with timeoutSeconds -5 → 1',
      code: service('ClientIP', '⟦-5⟧'),
      errors: [
        {
          message:
            'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: -5: must be greater than 0 and less than 86400\n' +
            'The stickiness timeout must be 1 to 86400 seconds (one day); remove timeoutSeconds to get the default of 10800 (3 hours).',
          data: { value: -5, min: 1, max: 86400, default: 10800 },
          fixes: [
            {
              title: 'Remove timeoutSeconds (default 10800 seconds)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
  selector:
    app: web
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
