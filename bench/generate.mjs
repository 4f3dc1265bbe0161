// Generates realistic multi-document manifests: Services of every type, each with the Deployment it selects.
// Deterministic (no randomness) so runs are comparable.
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless', 'ExternalName'];

function service(i) {
  const kind = TYPES[i % TYPES.length];
  const name = `app-${i}`;
  const lines = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    '  namespace: bench',
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    '    app.kubernetes.io/part-of: bench',
    'spec:',
  ];
  if (kind === 'ExternalName') {
    lines.push('  type: ExternalName', `  externalName: ${name}.example.com`);
    return lines.join('\n');
  }
  if (kind === 'headless') lines.push('  clusterIP: None');
  else lines.push(`  type: ${kind}`);
  if (kind === 'LoadBalancer') lines.push('  externalTrafficPolicy: Local', '  loadBalancerSourceRanges:', '    - 10.0.0.0/8');
  lines.push(
    '  selector:',
    `    app.kubernetes.io/name: ${name}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: http',
    '      protocol: TCP',
  );
  if (kind === 'NodePort') lines.push(`      nodePort: ${30000 + (i % 2768)}`);
  lines.push('    - name: metrics', '      port: 9090', '      targetPort: 9090');
  return lines.join('\n');
}

function deployment(i) {
  const name = `app-${i}`;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  namespace: bench',
    'spec:',
    `  replicas: ${1 + (i % 3)}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/bench/${name}:1.0.${i}`,
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    '            - containerPort: 9090',
    '          resources:',
    '            requests:',
    '              cpu: 100m',
    '              memory: 128Mi',
    '          readinessProbe:',
    '            httpGet:',
    '              path: /healthz',
    '              port: http',
  ].join('\n');
}

/** `documents` documents, half Services and half Deployments; the first Service has one deliberate error. */
export function generateManifest(documents) {
  const parts = [];
  for (let i = 0; parts.length < documents; i++) {
    let svc = service(i);
    if (i === 1) svc = svc.replace(/nodePort: \d+/, 'nodePort: 8080');
    parts.push(svc);
    if (parts.length < documents) parts.push(deployment(i));
  }
  return parts.join('\n---\n') + '\n';
}

/** Offsets of every `port:` value, to hover and ask for code actions at. */
export function interestingOffsets(text) {
  const offsets = [];
  for (const match of text.matchAll(/^\s+(?:port|targetPort|nodePort|type): /gm)) offsets.push(match.index + match[0].length);
  return offsets;
}
