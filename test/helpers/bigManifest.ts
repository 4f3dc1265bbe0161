// One ~1.5 MB manifest shared by the protocol and E2E tests of opening huge files.

const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: example/${name}\n          ports:\n            - containerPort: 8080\n`;
const service = (name: string, app: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector: {app: ${app}}\n  ports:\n    - port: 80\n      targetPort: 8080\n${extra}`;

/**
 * About 1.5 MB. At the top, `front` (lines 0-10) has an out-of-range nodePort (line 10) and selects the very last
 * document; `orphan` (lines 12-21, selector on line 18) selects nothing. Thousands of matching pairs in between.
 */
export function bigManifest(): string {
  const parts = [service('front', 'backend-at-the-end', '      nodePort: 80\n'), service('orphan', 'nobody')];
  for (let i = 0; parts.join('---\n').length < 1.5 * 1024 * 1024; i++) parts.push(service(`s${i}`, `d${i}`), deployment(`d${i}`));
  parts.push(deployment('backend-at-the-end'));
  return parts.join('---\n');
}
