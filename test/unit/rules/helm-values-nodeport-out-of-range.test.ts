import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findingsOf } from '../../helpers/core';
import { ruleTester } from '../../kit/ruleTester';
import { CORPUS } from '../../kit/corpus';
import { helmValuesNodePortOutOfRange } from '../../../server/src/rules/helm-values-nodeport-out-of-range';

const prometheus = `server:
  service:
    type: LoadBalancer
    nodePort: 9090
`;

test(
  'no finding on any file of the shared corpus (Helm values of ingress-nginx, kube-state-metrics, istio gateway included)',
  { skip: !existsSync(CORPUS) && 'the shared corpus is not next to this checkout' },
  () => {
    for (const dir of ['not-kubernetes', 'real-world', 'helm-templates']) {
      for (const name of readdirSync(path.join(CORPUS, dir))) {
        const text = readFileSync(path.join(CORPUS, dir, name), 'utf8');
        assert.deepEqual(findingsOf(text, helmValuesNodePortOutOfRange.id, { uri: `file:///corpus/${name}` }), [], name);
      }
    }
  },
);

ruleTester.run(helmValuesNodePortOutOfRange, {
  valid: [
    { name: 'values: service.nodePort in range', code: 'service:\n  nodePort: 30090\n', uri: 'file:///chart/values.yaml' },
    {
      name: 'values: 0 and empty mean "allocate one"',
      code: `service:
  nodePort: 0
  nodePorts:
    http: ""
    https:
`,
      uri: 'file:///chart/values.yaml',
    },
    {
      name: 'values: nodePort outside any service section is not a Service value',
      code: 'kubelet:\n  nodePort: 80\n',
      uri: 'file:///chart/values.yaml',
    },
    {
      name: 'values: the Service port itself is not a node port',
      code: 'service:\n  port: 80\n  targetPort: 8080\n',
      uri: 'file:///chart/values.yaml',
    },
    { name: 'values: text is no port', code: 'service:\n  nodePort: "{{ .Values.x }}"\n', uri: 'file:///chart/values.yaml' },
    {
      name: 'values: an alias is not followed (its anchor is checked where it is written)',
      code: 'base: &p 31000\nservice:\n  nodePort: *p\n',
      uri: 'file:///chart/values.yaml',
    },
    {
      name: 'only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing',
      code: prometheus,
      uri: 'file:///chart/config.yaml',
    },
    {
      name: 'only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing (6)',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 80
`,
      uri: 'file:///chart/values.yaml',
    },
    {
      name: 'honours the configured node-port range and severity',
      code: prometheus,
      uri: 'file:///chart/values.yaml',
      settings: { nodePortRange: { first: 1, last: 10000 } },
    },
    {
      name: 'honours the configured node-port range and severity (2)',
      code: prometheus,
      uri: 'file:///chart/values.yaml',
      settings: { severities: { 'helm-values-nodeport-out-of-range': 'off' } },
    },
    {
      name: 'a values file with a YAML error is not judged',
      code: `server:
  service:
    type: LoadBalancer
    nodePort: 9090
  bad: [
`,
      uri: 'file:///chart/values.yaml',
    },
  ],
  invalid: [
    {
      name: 'the explainer mistake (--set server.service.nodePort=9090) is reported on the value, with the path and range',
      code: prometheus,
      uri: 'file:///chart/values.yaml',
      errors: [
        {
          at: '9090',
          message:
            'server.service.nodePort: 9090 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'server.service.nodePort', value: 9090, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'values: ingress-nginx nodePorts, including the tcp map',
      code: `controller:
  service:
    nodePorts:
      http: ⟦"80"⟧
      tcp:
        8080: ⟦32808⟧
`,
      uri: 'file:///chart/values.yaml',
      errors: [
        {
          message:
            'controller.service.nodePorts.http: 80 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'controller.service.nodePorts.http', value: 80, range: { first: 30000, last: 32767 } },
        },
        {
          message:
            'controller.service.nodePorts.tcp.8080: 32808 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: {
            path: 'controller.service.nodePorts.tcp.8080',
            value: 32808,
            range: { first: 30000, last: 32767 },
          },
        },
      ],
    },
    {
      name: 'values: a list of ports under a service',
      code: `gateway:
  service:
    ports:
      - name: http
        port: 80
        nodePort: ⟦8080⟧
`,
      uri: 'file:///chart/values.yaml',
      errors: [
        {
          message:
            'gateway.service.ports[0].nodePort: 8080 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'gateway.service.ports[0].nodePort', value: 8080, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'values: healthCheckNodePort too',
      code: 'service:\n  healthCheckNodePort: ⟦100⟧\n',
      uri: 'file:///chart/values.yaml',
      errors: [
        {
          message:
            'service.healthCheckNodePort: 100 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a LoadBalancer Service with externalTrafficPolicy: Local, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'service.healthCheckNodePort', value: 100, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'values: a key ending in Service',
      code: 'metricsService:\n  nodePort: ⟦1⟧\n',
      uri: 'file:///chart/values.yaml',
      errors: [
        {
          message:
            'metricsService.nodePort: 1 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'metricsService.nodePort', value: 1, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing (2)',
      code: prometheus,
      uri: 'file:///chart/values-prod.yaml',
      errors: [
        {
          at: '9090',
          message:
            'server.service.nodePort: 9090 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'server.service.nodePort', value: 9090, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing (3)',
      code: prometheus,
      uri: 'file:///chart/prod-values.yml',
      errors: [
        {
          at: '9090',
          message:
            'server.service.nodePort: 9090 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'server.service.nodePort', value: 9090, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing (4)',
      code: prometheus,
      uri: 'file:///chart/values.dev.yaml',
      errors: [
        {
          at: '9090',
          message:
            'server.service.nodePort: 9090 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'server.service.nodePort', value: 9090, range: { first: 30000, last: 32767 } },
        },
      ],
    },
    {
      name: 'only values files are read: the same YAML elsewhere, or a manifest named values.yaml, gives nothing (5)',
      code: prometheus,
      uri: 'file:///chart/ci/18-scrape-configs-values.yaml',
      errors: [
        {
          at: '9090',
          message:
            'server.service.nodePort: 9090 is outside the node-port range 30000-32767.\n' +
            'If the chart puts this value into a NodePort or LoadBalancer Service, the API server rejects that Service: use a port from 30000-32767, or leave it empty so Kubernetes allocates one.',
          data: { path: 'server.service.nodePort', value: 9090, range: { first: 30000, last: 32767 } },
        },
      ],
    },
  ],
});
