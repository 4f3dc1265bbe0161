import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover, hoverResult } from './helpers';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    metadata:
      labels:
        app: web
    spec:
      initContainers:
        - name: migrate
          ports:
            - containerPort: 7000
      containers:
        - name: app
          ports:
            - name: http
              containerPort: 8080
            - name: admin
              containerPort: 9000
`;

const NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30007
`;

const INTERNAL = `apiVersion: v1
kind: Service
metadata:
  name: web-internal
spec:
  selector:
    app: web
  ports:
    - port: 8080
`;

const others = { 'file:///workspace/svc.yaml': `${NODEPORT}---\n${INTERNAL}` };

test('containerPort lists every Service that sends traffic to it, by name or number, with links', () => {
  const md = hover(DEPLOY, 'containerPort: 8080', { others });
  assert.ok(md.startsWith('**Container port 8080/TCP (`http`)** of container `app` in Deployment `web`'), md);
  assert.match(md, /- Service `web` \(NodePort\) port `http` 80\/TCP; from outside `<NodeIP>:30007` · \[svc\.yaml:2\]\(file:\/\/\/workspace\/svc\.yaml#L2\)/);
  assert.match(md, /- Service `web-internal` \(ClusterIP\) port 8080\/TCP · \[svc\.yaml:16\]\(file:\/\/\/workspace\/svc\.yaml#L16\)/);
  const range = hoverResult(DEPLOY, 'containerPort: 8080', { others });
  assert.equal(DEPLOY.slice(range?.start, range?.end), 'containerPort');
});

test('the port name hovers the same way', () => {
  const md = hover(DEPLOY, 'name: http', { others });
  assert.match(md, /\*\*Services that send traffic here\*\*\n- Service `web` \(NodePort\)/);
});

test('a port no Service targets says so and names the Services that target other ports', () => {
  const md = hover(DEPLOY, 'containerPort: 9000', { others });
  assert.match(md, /No Service in the workspace sends traffic to this port\./);
  assert.doesNotMatch(md, /Services that send traffic here/);
  const alone = hover(DEPLOY, 'containerPort: 9000');
  assert.match(alone, /No Service in the workspace selects these pods\./);
});

test('a Service that selects the pods but targets another port is listed as such', () => {
  const md = hover(DEPLOY, 'containerPort: 9000', { others: { 'file:///workspace/svc.yaml': NODEPORT } });
  assert.match(md, /- Service `web` \(\[svc\.yaml:2\]\(file:\/\/\/workspace\/svc\.yaml#L2\)\) selects these pods but targets `http`\./);
});

test('init container ports get no Service traffic', () => {
  const md = hover(DEPLOY, 'containerPort: 7000', { others });
  assert.match(md, /This is an init container\./);
  assert.doesNotMatch(md, /Services that send traffic here/);
});

test('other workload fields have no hover', () => {
  assert.equal(hoverResult(DEPLOY, 'replicas', { others }), undefined);
  assert.equal(hoverResult(DEPLOY, 'name: app', { others }), undefined);
});
