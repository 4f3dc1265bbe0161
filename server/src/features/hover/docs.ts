/**
 * kubernetes.io pages behind each hover. Every anchor below was checked against kubernetes/website
 * (content/en/docs/...): service.md, reference/networking/virtual-ips.md, reference/networking/service-protocols.md,
 * tasks/access-application-cluster/create-external-load-balancer.md, tutorials/services/source-ip.md,
 * concepts/services-networking/dual-stack.md and the generated Service API reference.
 */
const SERVICE = 'https://kubernetes.io/docs/concepts/services-networking/service/';
const VIPS = 'https://kubernetes.io/docs/reference/networking/virtual-ips/';

export const DOCS = {
  serviceTypes: `${SERVICE}#publishing-services-service-types`,
  clusterIP: `${SERVICE}#type-clusterip`,
  nodePort: `${SERVICE}#type-nodeport`,
  nodePortChoose: `${SERVICE}#nodeport-custom-port`,
  nodePortBands: `${SERVICE}#avoid-nodeport-collisions`,
  loadBalancer: `${SERVICE}#loadbalancer`,
  mixedProtocols: `${SERVICE}#load-balancers-with-mixed-protocol-types`,
  lbNodePortAllocation: `${SERVICE}#load-balancer-nodeport-allocation`,
  lbClass: `${SERVICE}#load-balancer-class`,
  externalName: `${SERVICE}#externalname`,
  headless: `${SERVICE}#headless-services`,
  portDefinitions: `${SERVICE}#field-spec-ports`,
  multiPort: `${SERVICE}#multi-port-services`,
  appProtocol: `${SERVICE}#application-protocol`,
  withoutSelectors: `${SERVICE}#services-without-selectors`,
  externalIPs: `${SERVICE}#external-ips`,
  dns: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/',
  proxyModes: `${VIPS}#proxy-modes`,
  sessionAffinity: `${VIPS}#session-affinity`,
  trafficPolicies: `${VIPS}#traffic-policies`,
  trafficDistribution: `${VIPS}#traffic-distribution`,
  protocols: 'https://kubernetes.io/docs/reference/networking/service-protocols/',
  sourceIP: 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip',
  sourceIPTutorial: 'https://kubernetes.io/docs/tutorials/services/source-ip/',
  dualStack: 'https://kubernetes.io/docs/concepts/services-networking/dual-stack/#services',
  apiReference: 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec',
  labelsAndSelectors: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/',
} as const;

/**
 * The comparison of the four Service types that hovers link to instead of repeating it (issue 18): shipped in the
 * VSIX for the command link, and at this address for editors that cannot run our commands.
 */
export const SERVICE_TYPES_PAGE_PATH = 'docs/service-types.md';
export const SERVICE_TYPES_PAGE_URL = `https://github.com/kube-service-lens/kube-service-lens/blob/main/${SERVICE_TYPES_PAGE_PATH}`;
