import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../../server/src/kubernetes/manifest';
import { service, serviceSpec, servicePort } from '../../../../server/src/kubernetes/schema/service';
import { objectMeta } from '../../../../server/src/kubernetes/schema/meta';
import { goTypeOf, type StructType } from '../../../../server/src/kubernetes/schema/types';
import { walkObject } from '../../../../server/src/kubernetes/schema/walk';

const shape = (type: StructType) => Object.fromEntries(Object.entries(type.fields).map(([name, field]) => [name, goTypeOf(field)]));

// The v1 Service of Kubernetes 1.35 (kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/,
// staging/src/k8s.io/api/core/v1/types.go), written out independently of the schema module.
test('ServiceSpec declares the 20 fields of Kubernetes 1.35 with their Go types', () => {
  assert.deepEqual(shape(serviceSpec), {
    ports: '[]v1.ServicePort',
    selector: 'map[string]string',
    clusterIP: 'string',
    clusterIPs: '[]string',
    type: 'v1.ServiceType',
    externalIPs: '[]string',
    sessionAffinity: 'v1.ServiceAffinity',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: '[]string',
    externalName: 'string',
    externalTrafficPolicy: 'v1.ServiceExternalTrafficPolicy',
    healthCheckNodePort: 'int32',
    publishNotReadyAddresses: 'bool',
    sessionAffinityConfig: 'v1.SessionAffinityConfig',
    ipFamilies: '[]v1.IPFamily',
    ipFamilyPolicy: 'v1.IPFamilyPolicy',
    allocateLoadBalancerNodePorts: 'bool',
    loadBalancerClass: 'string',
    internalTrafficPolicy: 'v1.ServiceInternalTrafficPolicy',
    trafficDistribution: 'string',
  });
});

test('ServicePort: targetPort is int-or-string, the rest plain types', () => {
  assert.deepEqual(shape(servicePort), {
    name: 'string',
    protocol: 'v1.Protocol',
    appProtocol: 'string',
    port: 'int32',
    // IntOrString decodes every non-string into its int32 half, so that is the type Go names in errors.
    targetPort: 'int32',
    nodePort: 'int32',
  });
  assert.equal(servicePort.fields.targetPort.kind, 'intOrString');
});

test('ObjectMeta has every current field and no tombstoned clusterName', () => {
  assert.deepEqual(Object.keys(objectMeta.fields).sort(), [
    'annotations',
    'creationTimestamp',
    'deletionGracePeriodSeconds',
    'deletionTimestamp',
    'finalizers',
    'generateName',
    'generation',
    'labels',
    'managedFields',
    'name',
    'namespace',
    'ownerReferences',
    'resourceVersion',
    'selfLink',
    'uid',
  ]);
  assert.equal(goTypeOf(objectMeta.fields.generation), 'int64');
  assert.equal(goTypeOf(objectMeta.fields.creationTimestamp), 'string');
});

test('top level and status', () => {
  assert.deepEqual(Object.keys(service.fields), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  const status = service.fields.status as StructType;
  const lb = status.fields.loadBalancer as StructType;
  assert.deepEqual(Object.keys(status.fields), ['loadBalancer', 'conditions']);
  const ingress = lb.fields.ingress;
  assert.equal(goTypeOf(ingress), '[]v1.LoadBalancerIngress');
  assert.ok(ingress.kind === 'list' && ingress.items.kind === 'struct');
  assert.deepEqual(Object.keys(ingress.items.fields), ['ip', 'hostname', 'ipMode', 'ports']);
});

const walk = (text: string) => {
  const [{ object }] = parseFile('file:///t.yaml', text).objects;
  return walkObject(object, service);
};

test('a complete, valid Service decodes without a single unknown key or type error', () => {
  const result = walk(`apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app: web, enabled: "yes"}
  annotations: {note: "1.0"}
  creationTimestamp: null
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: abc, controller: true}]
  finalizers: [service.kubernetes.io/load-balancer-cleanup]
  managedFields: [{manager: kubectl, operation: Apply, time: "2024-01-01T00:00:00Z", fieldsType: FieldsV1, fieldsV1: {f:spec: {}}}]
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
  - {name: http, protocol: TCP, appProtocol: http, port: 80, targetPort: http, nodePort: 30080}
  - {name: grpc, port: 9090, targetPort: 9090}
  clusterIP: 10.96.0.10
  clusterIPs: [10.96.0.10]
  ipFamilies: [IPv4]
  ipFamilyPolicy: SingleStack
  externalTrafficPolicy: Local
  internalTrafficPolicy: Cluster
  healthCheckNodePort: 30100
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
  loadBalancerClass: example.com/lb
  loadBalancerSourceRanges: [10.0.0.0/8]
  allocateLoadBalancerNodePorts: yes
  publishNotReadyAddresses: off
  trafficDistribution: PreferClose
status:
  loadBalancer:
    ingress: [{ip: 1.2.3.4, ipMode: VIP, ports: [{port: 80, protocol: TCP, error: null}]}]
  conditions: [{type: Ready, status: "True", observedGeneration: 1, lastTransitionTime: "2024-01-01T00:00:00Z", reason: Done, message: done}]
`);
  assert.deepEqual(result, { unknownKeys: [], mismatches: [] });
});

test('strategic merge patches are not decoded', () => {
  assert.deepEqual(walk('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  $patch: replace\n  bogus: 1\n'), { unknownKeys: [], mismatches: [] });
});

test('a YAML merge key is no field; of a key written twice only the last value is decoded', () => {
  const result = walk('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  <<: {type: ClusterIP}\n  ports: 80\n  ports: [{port: "80"}]\n');
  assert.deepEqual(result.unknownKeys, []);
  assert.deepEqual(
    result.mismatches.map((m) => m.path),
    ['spec.ports[0].port'],
  );
});
