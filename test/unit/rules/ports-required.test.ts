import { ruleTester } from '../../kit/ruleTester';
import { portsRequired } from '../../../server/src/rules/ports-required';

const head = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

ruleTester.run(portsRequired, {
  valid: [
    {
      name: 'headless via clusterIP',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: None
`,
    },
    {
      name: 'headless via clusterIPs',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIPs: [None]
`,
    },
    {
      name: 'ExternalName',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ExternalName
  externalName: db.example.com
`,
    },
    {
      name: 'one port',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
`,
    },
    {
      name: 'ports as a map is a type error (value-type)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: {port: 80}
`,
    },
    {
      name: 'spec as a string is a type error (value-type)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec: none
`,
    },
    {
      name: 'a document with a YAML syntax error is left to yaml-syntax (the missing part may be in the broken text)',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n',
    },
  ],
  invalid: [
    {
      name: 'no ports: on the spec key',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
⟦spec⟧:
  selector: {app: web}
`,
      errors: [
        {
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
    {
      name: 'ports: []: on the ports key',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦ports⟧: []
`,
      errors: [
        {
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
    {
      name: 'ports: (null): on the ports key',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ⟦ports⟧:
`,
      errors: [
        {
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
    {
      name: 'no spec: on the kind',
      code: head,
      errors: [
        {
          at: 'Service',
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
    {
      name: 'NodePort without ports',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
⟦spec⟧:
  type: NodePort
`,
      errors: [
        {
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
    {
      name: 'misspelt ExternalName still needs ports',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
⟦spec⟧:
  type: externalname
  externalName: db.example.com
`,
      errors: [
        {
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
    {
      name: 'clusterIPs with two entries is not headless',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
⟦spec⟧:
  clusterIPs: [None, 10.0.0.1]
`,
      errors: [
        {
          message:
            'spec.ports: Required value\n' +
            'Add at least one port (the port clients connect to, and the targetPort your Pods listen on); only headless (clusterIP: None) and ExternalName Services may have none.',
          data: {},
        },
      ],
    },
  ],
});
