/**
 * Manifests shared by the traffic-preview tests: unit (model → Mermaid), protocol (over stdio) and webview
 * (rendered in Chromium, screenshots for the README).
 */

export const NODEPORT_EXAMPLE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 30080
    - name: metrics
      port: 9090
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
            - containerPort: 9090
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

export const LOADBALANCER_EXAMPLE = `apiVersion: v1
kind: Service
metadata:
  name: storefront
  namespace: shop
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  sessionAffinity: ClientIP
  loadBalancerSourceRanges:
    - 203.0.113.0/24
  selector:
    app: storefront
  ports:
    - name: https
      port: 443
      targetPort: 8443
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: storefront
  template:
    metadata:
      labels:
        app: storefront
    spec:
      containers:
        - name: storefront
          image: example/storefront:2.4
          ports:
            - containerPort: 8443
`;

/**
 * Every manifest value the diagram shows, made hostile: Mermaid syntax that would close a label or add an
 * edge, directives that would loosen security, click callbacks, HTML and script. YAML accepts all of it
 * (the API server would reject most, which is exactly when people look at the preview).
 */
export const HOSTILE_VALUES = {
  name: 'web"]-->pwn[["x',
  namespace: '%%{init: {"securityLevel": "loose"}}%%',
  portName: 'click s0_w0 call alert(1)',
  selectorValue: '<img src=x onerror="window.__pwned=1">',
  annotation: '<script>window.__pwned=1</script>',
  lbClass: 'a`b`|c|;d#e&amp;',
  host: 'evil.example.com"];\nclick s0_u0 href "javascript:window.__pwned=1"',
  externalName: '</b><a href="javascript:window.__pwned=1">x</a>',
};

const yamlString = (value: string) => JSON.stringify(value);

export const HOSTILE_EXAMPLE = `apiVersion: v1
kind: Service
metadata:
  name: ${yamlString(HOSTILE_VALUES.name)}
  namespace: ${yamlString(HOSTILE_VALUES.namespace)}
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: ${yamlString(HOSTILE_VALUES.annotation)}
spec:
  type: LoadBalancer
  loadBalancerClass: ${yamlString(HOSTILE_VALUES.lbClass)}
  selector:
    app: ${yamlString(HOSTILE_VALUES.selectorValue)}
  ports:
    - name: ${yamlString(HOSTILE_VALUES.portName)}
      port: 80
      targetPort: ${yamlString(HOSTILE_VALUES.portName)}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${yamlString(HOSTILE_VALUES.name)}
  namespace: ${yamlString(HOSTILE_VALUES.namespace)}
spec:
  rules:
    - host: ${yamlString(HOSTILE_VALUES.host)}
      http:
        paths:
          - path: ${yamlString(HOSTILE_VALUES.annotation)}
            pathType: Prefix
            backend:
              service:
                name: ${yamlString(HOSTILE_VALUES.name)}
                port:
                  number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${yamlString(HOSTILE_VALUES.annotation)}
spec:
  type: ExternalName
  externalName: ${yamlString(HOSTILE_VALUES.externalName)}
`;
