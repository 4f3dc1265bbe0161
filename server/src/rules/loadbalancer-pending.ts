import { defineServiceRule } from '../analysis/rule';
import { workspaceObjects } from '../kubernetes/selection';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import { asMap, asSeq, fieldOf, scalarValue, stringValue } from '../document/yamlNodes';

/**
 * Kubernetes itself does not implement `type: LoadBalancer` ("Kubernetes does not directly offer a load balancing
 * component; you must provide one, or you can integrate your Kubernetes cluster with a cloud provider", Service
 * docs): the API server accepts the Service, but until some controller fills status.loadBalancer its EXTERNAL-IP is
 * `<pending>`. Only reported when the user told us the cluster is bare metal or local (setting clusterProfile).
 */
export const loadBalancerPending = defineServiceRule<{ clusterProfile: string; loadBalancerClass: string | undefined; allocateLoadBalancerNodePorts: boolean }>(
  {
    id: 'loadbalancer-pending',
    defaultSeverity: 'warning',
    description: 'On bare-metal and local clusters a LoadBalancer Service stays <pending> unless a load-balancer implementation is installed.',
    // Reads the workspace for MetalLB address pools, which show that an implementation is part of the deployment.
    crossResource: true,
    partialSafe: false,
    check(service, ctx) {
      const profile = ctx.settings.clusterProfile;
      if (service.type !== 'LoadBalancer' || (profile !== 'bare-metal' && profile !== 'local')) return;
      // A manifest exported from a cluster with an address already assigned proves an implementation exists.
      const status = asMap(fieldOf(service.root, 'status')?.node);
      if ((asSeq(fieldOf(asMap(fieldOf(status, 'loadBalancer')?.node), 'ingress')?.node)?.items.length ?? 0) > 0) return;
      if (hasMetalLbPool(ctx.workspace)) return;
      const span = service.fields.type?.valueSpan ?? service.anchorSpan;
      const name = service.name ?? '(unnamed)';
      const lbClass = stringValue(fieldOf(service.spec, 'loadBalancerClass')?.node, service.doc);
      const noNodePorts = scalarValue(fieldOf(service.spec, 'allocateLoadBalancerNodePorts')?.node, service.doc) === false;
      const meanwhile = noNodePorts ? '' : ' Meanwhile it still works as a NodePort Service: <node IP>:<nodePort> reaches it.';
      // MetalLB "remains idle until configured": an IPAddressPool plus an L2Advertisement or BGPAdvertisement
      // (metallb.universe.tf/configuration/).
      const implementation = lbClass
        ? `the load-balancer implementation that handles loadBalancerClass \`${lbClass}\``
        : profile === 'bare-metal'
          ? 'a load-balancer implementation such as MetalLB (configured with an IPAddressPool and an L2Advertisement or BGPAdvertisement)'
          : 'a load-balancer implementation';
      const where = profile === 'bare-metal' ? 'a bare-metal cluster' : 'a local cluster';
      let message = `Kubernetes has no built-in load balancer: on ${where}, Service \`${name}\` gets no external address (EXTERNAL-IP stays \`<pending>\`) until ${implementation} assigns one.`;
      // kind.sigs.k8s.io/docs/user/loadbalancer/ (Cloud Provider KIND); minikube.sigs.k8s.io/docs/handbook/accessing/
      // ("without minikube tunnel, kubernetes would be showing external IP as pending"); docs.k3s.io/networking/
      // networking-services ("By default, K3s provides a load balancer known as ServiceLB", `--disable=servicelb`),
      // which k3d runs too (k3d-io/k3d docs/usage/k3s.md, "servicelb (klipper-lb)").
      if (profile === 'local' && !lbClass) {
        message += ' On kind run cloud-provider-kind, on minikube run `minikube tunnel`; k3s and k3d provide one (ServiceLB) unless it is disabled.';
      }
      message += meanwhile;
      ctx.report({
        span,
        // Several local distributions ship an implementation, so there this is a reminder rather than a warning.
        severity: profile === 'local' ? 'information' : undefined,
        message,
        data: { clusterProfile: profile, loadBalancerClass: lbClass, allocateLoadBalancerNodePorts: !noNodePorts },
      });
    },
  },
);

/** MetalLB hands out addresses only from its IPAddressPool objects; one in the workspace means it is being set up. */
function hasMetalLbPool(workspace: WorkspaceIndex): boolean {
  return workspaceObjects(workspace, (kind) => kind === 'IPAddressPool', 'IPAddressPool').some(({ object }) => object.apiVersion.startsWith('metallb.io/'));
}
