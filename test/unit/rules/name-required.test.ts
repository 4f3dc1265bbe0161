import { ruleTester } from '../../kit/ruleTester';
import { nameRequired } from '../../../server/src/rules/name-required';

ruleTester.run(nameRequired, {
  valid: [
    {
      name: 'a name',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
`,
    },
    {
      name: 'generateName is enough',
      code: `apiVersion: v1
kind: Service
metadata:
  generateName: web-
`,
    },
    {
      name: 'a numeric name is a type error for value-type',
      code: `apiVersion: v1
kind: Service
metadata:
  name: 42
`,
    },
    { name: 'metadata as a list is a type error for value-type', code: 'apiVersion: v1\nkind: Service\nmetadata: [a]\n' },
    { name: 'not a core Service (Knative)', code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {}\n' },
    { name: 'not a Service', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n' },
    { name: 'a document with a YAML syntax error is left to yaml-syntax', code: 'apiVersion: v1\nkind: Service\nmetadata: {labels: x\n' },
  ],
  invalid: [
    {
      name: 'no name: reported on the metadata key',
      code: `apiVersion: v1
kind: Service
⟦metadata⟧:
  labels: {app: web}
spec:
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            'metadata.name: Required value: name or generateName is required\n' +
            'Add metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).',
          data: { field: 'metadata.name' },
        },
      ],
    },
    {
      name: 'empty name: reported on the name key',
      code: `apiVersion: v1
kind: Service
metadata:
  ⟦name⟧: ""
spec: {}
`,
      errors: [
        {
          message:
            'metadata.name: Required value: name or generateName is required\n' +
            'Add metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).',
          data: { field: 'metadata.name' },
        },
      ],
    },
    {
      name: 'null name',
      code: `apiVersion: v1
kind: Service
metadata:
  ⟦name⟧:
spec: {}
`,
      errors: [
        {
          message:
            'metadata.name: Required value: name or generateName is required\n' +
            'Add metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).',
          data: { field: 'metadata.name' },
        },
      ],
    },
    {
      name: 'no metadata at all: reported on the kind',
      code: `apiVersion: v1
kind: ⟦Service⟧
spec:
  ports: [{port: 80}]
`,
      errors: [
        {
          message:
            'metadata.name: Required value: name or generateName is required\n' +
            'Add metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).',
          data: { field: 'metadata.name' },
        },
      ],
    },
    {
      name: 'each item of a List is checked like a top-level object',
      code: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  ⟦metadata⟧: {}
- apiVersion: v1
  kind: Service
  metadata: {name: ok}
`,
      errors: [
        {
          message:
            'metadata.name: Required value: name or generateName is required\n' +
            'Add metadata.name: it identifies the Service and becomes its DNS name (<name>.<namespace>.svc).',
          data: { field: 'metadata.name' },
        },
      ],
    },
  ],
});
