import { ruleTester } from '../../kit/ruleTester';
import { serviceWithoutSelector } from '../../../server/src/rules/service-without-selector';

const service = (specLines: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${specLines}  ports:
    - port: 5432
`;

ruleTester.run(serviceWithoutSelector, {
  valid: [
    { name: 'a selector → no finding', code: service('  selector: {app: db}\n') },
    { name: 'ExternalName never has one → no finding', code: service('  type: ExternalName\n  externalName: db.example.com\n') },
    { name: 'a templated selector is not a missing one → no finding', code: service('  selector: "{{ include \\"x\\" . }}"\n') },
    { name: "a label-like key beside the empty selector is misindented-field's → no finding", code: service('  selector:\n  app: db\n') },
    {
      name: 'a label written directly under spec (the classic indentation slip) is left to misindented-field',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  selector:
  app: MyApp
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
`,
    },
  ],
  invalid: [
    {
      name: 'no selector → information',
      code: service(''),
      errors: [
        {
          at: 'spec',
          message:
            'Service `db` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends traffic for port 5432 only to the addresses in EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
          data: { headless: false },
        },
      ],
    },
    {
      name: 'selector: with no value → information',
      code: service('  ⟦selector⟧:\n'),
      errors: [
        {
          message:
            'Service `db` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends traffic for port 5432 only to the addresses in EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
          data: { headless: false },
        },
      ],
    },
    {
      name: 'empty selector map → information',
      code: service('  ⟦selector⟧: {}\n'),
      errors: [
        {
          message:
            'Service `db` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends traffic for port 5432 only to the addresses in EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
          data: { headless: false },
        },
      ],
    },
    {
      name: 'a headless Service without selector → information',
      code: service('  clusterIP: None\n'),
      errors: [
        {
          at: 'spec',
          message:
            'Headless Service `db` has no selector, so Kubernetes creates no EndpointSlices for it: its DNS name returns only the ready addresses of EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
          data: { headless: true },
        },
      ],
    },
    {
      name: 'publishNotReadyAddresses is a Service field, not a stray label → information',
      code: service('  clusterIP: None\n  publishNotReadyAddresses: true\n'),
      errors: [
        {
          at: 'spec',
          message:
            'Headless Service `db` has no selector, so Kubernetes creates no EndpointSlices for it: its DNS name returns only the ready addresses of EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
          data: { headless: true },
        },
      ],
    },
    {
      name: 'headless: DNS answers from the EndpointSlices, and port must equal targetPort',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
⟦spec⟧:
  clusterIP: None
  ports:
    - port: 5432
      targetPort: 6432
`,
      errors: [
        {
          message:
            'Headless Service `db` has no selector, so Kubernetes creates no EndpointSlices for it: its DNS name returns only the ready addresses of EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create. Clients connect to those addresses directly, so each `targetPort` must equal its `port`.',
          data: { headless: true },
        },
      ],
    },
    // Without the stray label the same empty selector is reported, on the selector key.
    {
      name: 'a label written directly under spec (the classic indentation slip) is left to misindented-field (2)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  type: NodePort
  ⟦selector⟧:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 8080
`,
      errors: [
        {
          message:
            'Service `my-service` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends traffic for port 80 only to the addresses in EndpointSlices labelled `kubernetes.io/service-name: my-service` that you or a controller create.',
          data: { headless: false },
        },
      ],
    },
    {
      name: 'several ports are listed',
      code: `apiVersion: v1
kind: Service
metadata:
  name: db
⟦spec⟧:
  ports:
    - {name: a, port: 5432}
    - {name: b, port: 5433}
`,
      errors: [
        {
          message:
            'Service `db` has no selector, so Kubernetes does not manage its endpoints: kube-proxy sends traffic for ports 5432 and 5433 only to the addresses in EndpointSlices labelled `kubernetes.io/service-name: db` that you or a controller create.',
          data: { headless: false },
        },
      ],
    },
  ],
});
