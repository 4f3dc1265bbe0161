import { ruleTester } from '../../kit/ruleTester';
import { sessionAffinityConfigIgnored } from '../../../server/src/rules/session-affinity-config-ignored';

const service = (affinity: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${affinity}  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(sessionAffinityConfigIgnored, {
  valid: [
    { name: 'sessionAffinity: ClientIP → 0', code: service('  sessionAffinity: ClientIP\n') },
    // an error of its own
    { name: 'sessionAffinity: clientip → 0', code: service('  sessionAffinity: clientip\n') },
    {
      name: 'no config, no finding',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
    },
  ],
  invalid: [
    {
      name: 'a config without ClientIP affinity is flagged on its key as having no effect',
      code: service(''),
      errors: [
        {
          at: 'sessionAffinityConfig',
          message:
            'spec.sessionAffinityConfig has no effect: sessionAffinity is None, so the API server discards this config.\n' +
            'Add sessionAffinity: ClientIP if connections from one client should keep going to the same Pod.',
          data: { suggestion: 'ClientIP' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove sessionAffinityConfig (dropped while sessionAffinity is None)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
            {
              title: 'Set sessionAffinity: ClientIP (keep each client on one pod)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
  selector:
    app: web
  ports:
    - port: 80
  sessionAffinity: ClientIP
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sessionAffinity: None → 1',
      code: service('  sessionAffinity: None\n'),
      errors: [
        {
          at: 'sessionAffinityConfig',
          message:
            'spec.sessionAffinityConfig has no effect: sessionAffinity is None, so the API server discards this config.\n' +
            'Add sessionAffinity: ClientIP if connections from one client should keep going to the same Pod.',
          data: { suggestion: 'ClientIP' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove sessionAffinityConfig (dropped while sessionAffinity is None)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: None
  selector:
    app: web
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Set sessionAffinity: ClientIP (keep each client on one pod)', output: service('  sessionAffinity: ClientIP\n') },
          ],
        },
      ],
    },
    {
      name: 'sessionAffinity: "" → 1',
      code: service('  sessionAffinity: ""\n'),
      errors: [
        {
          at: 'sessionAffinityConfig',
          message:
            'spec.sessionAffinityConfig has no effect: sessionAffinity is None, so the API server discards this config.\n' +
            'Add sessionAffinity: ClientIP if connections from one client should keep going to the same Pod.',
          data: { suggestion: 'ClientIP' },
          tags: ['unnecessary'],
          fixes: [
            {
              title: 'Remove sessionAffinityConfig (dropped while sessionAffinity is None)',
              output: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  sessionAffinity: ""
  selector:
    app: web
  ports:
    - port: 80
`,
              safe: true,
              preferred: true,
            },
            { title: 'Set sessionAffinity: ClientIP (keep each client on one pod)', output: service('  sessionAffinity: "ClientIP"\n') },
          ],
        },
      ],
    },
  ],
});
