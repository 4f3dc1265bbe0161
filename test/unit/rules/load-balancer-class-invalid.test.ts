import { ruleTester } from '../../kit/ruleTester';
import { loadBalancerClassInvalid } from '../../../server/src/rules/load-balancer-class-invalid';

const service = (value: string, type = 'LoadBalancer') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  loadBalancerClass: ${value}
  selector:
    app: web
  ports:
    - port: 80
`;

ruleTester.run(loadBalancerClassInvalid, {
  valid: [
    { name: 'LoadBalancer loadBalancerClass example.com/internal-lb → 0', code: service('example.com/internal-lb') },
    { name: 'LoadBalancer loadBalancerClass service.k8s.aws/nlb → 0', code: service('service.k8s.aws/nlb') },
    { name: 'LoadBalancer loadBalancerClass metallb → 0', code: service('metallb') },
    // null: unset
    { name: 'LoadBalancer loadBalancerClass (null) → 0', code: service('') },
    // lb-only-field's
    { name: 'NodePort loadBalancerClass "bad class" → 0', code: service('"bad class"', 'NodePort') },
  ],
  invalid: [
    {
      name: 'a class with a space fails the qualified-name check',
      code: service('⟦"internal lb"⟧'),
      errors: [
        {
          message:
            "spec.loadBalancerClass: Invalid value: \"internal lb\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
            'loadBalancerClass names the load-balancer controller that should handle this Service, written like a label key, e.g. example.com/internal-lb.',
          data: { value: 'internal lb' },
        },
      ],
    },
    {
      name: 'several failed checks become several lines of one diagnostic',
      code: service('⟦"Bad_Prefix/-x"⟧'),
      errors: [
        {
          message:
            "spec.loadBalancerClass: Invalid value: \"Bad_Prefix/-x\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
            "spec.loadBalancerClass: Invalid value: \"Bad_Prefix/-x\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
            'loadBalancerClass names the load-balancer controller that should handle this Service, written like a label key, e.g. example.com/internal-lb.',
          data: { value: 'Bad_Prefix/-x' },
        },
      ],
    },
    // set but empty
    {
      name: 'LoadBalancer loadBalancerClass "" → 1',
      code: service('⟦""⟧'),
      errors: [
        {
          message:
            'spec.loadBalancerClass: Invalid value: "": name part must be non-empty\n' +
            "spec.loadBalancerClass: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
            'loadBalancerClass names the load-balancer controller that should handle this Service, written like a label key, e.g. example.com/internal-lb.',
          data: { value: '' },
        },
      ],
    },
    {
      name: 'LoadBalancer loadBalancerClass a/b/c → 1',
      code: service('⟦a/b/c⟧'),
      errors: [
        {
          message:
            "spec.loadBalancerClass: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')\n" +
            'loadBalancerClass names the load-balancer controller that should handle this Service, written like a label key, e.g. example.com/internal-lb.',
          data: { value: 'a/b/c' },
        },
      ],
    },
  ],
});
