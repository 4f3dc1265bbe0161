import { condition, objectMeta } from './meta';
import { bool, int32, intOrString, listOf, str, stringMap, struct, type StructType } from './types';

/**
 * The core v1 Service as kube-apiserver 1.35 decodes it (staging/src/k8s.io/api/core/v1/types.go: Service,
 * ServiceSpec, ServicePort, SessionAffinityConfig, ClientIPConfig, ServiceStatus, LoadBalancerStatus,
 * LoadBalancerIngress, PortStatus). Removed fields are listed apart: they are rejected as unknown fields today.
 */

export const servicePort = struct('ServicePort', 'v1', {
  name: str(),
  protocol: str('v1.Protocol'),
  appProtocol: str(),
  port: int32,
  targetPort: intOrString,
  nodePort: int32,
});

const clientIPConfig = struct('ClientIPConfig', 'v1', { timeoutSeconds: int32 });

const sessionAffinityConfig = struct('SessionAffinityConfig', 'v1', { clientIP: clientIPConfig });

export const serviceSpec = struct(
  'ServiceSpec',
  'v1',
  {
    ports: listOf(servicePort),
    selector: stringMap,
    clusterIP: str(),
    clusterIPs: listOf(str()),
    type: str('v1.ServiceType'),
    externalIPs: listOf(str()),
    sessionAffinity: str('v1.ServiceAffinity'),
    loadBalancerIP: str(),
    loadBalancerSourceRanges: listOf(str()),
    externalName: str(),
    externalTrafficPolicy: str('v1.ServiceExternalTrafficPolicy'),
    healthCheckNodePort: int32,
    publishNotReadyAddresses: bool,
    sessionAffinityConfig,
    ipFamilies: listOf(str('v1.IPFamily')),
    ipFamilyPolicy: str('v1.IPFamilyPolicy'),
    allocateLoadBalancerNodePorts: bool,
    loadBalancerClass: str(),
    internalTrafficPolicy: str('v1.ServiceInternalTrafficPolicy'),
    trafficDistribution: str(),
  },
  {
    // Tombstones in types.go: topologyKeys went with kubernetes/kubernetes#102412, ipFamily with the 1.20 dual-stack redesign.
    topologyKeys: 'Kubernetes 1.22',
    ipFamily: 'Kubernetes 1.20',
  },
);

const portStatus = struct('PortStatus', 'v1', {
  port: int32,
  protocol: str('v1.Protocol'),
  error: str(),
});

const loadBalancerIngress = struct('LoadBalancerIngress', 'v1', {
  ip: str(),
  hostname: str(),
  ipMode: str('v1.LoadBalancerIPMode'),
  ports: listOf(portStatus),
});

const serviceStatus = struct('ServiceStatus', 'v1', {
  loadBalancer: struct('LoadBalancerStatus', 'v1', { ingress: listOf(loadBalancerIngress) }),
  conditions: listOf(condition),
});

export const service: StructType = struct('Service', 'v1', {
  // TypeMeta is inlined into Service, so errors on these two name the Service struct.
  apiVersion: str(),
  kind: str(),
  metadata: objectMeta,
  spec: serviceSpec,
  status: serviceStatus,
});
