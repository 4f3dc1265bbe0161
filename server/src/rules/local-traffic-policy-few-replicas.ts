import { selectionIndex } from '../kubernetes/selectionIndex';
import type { WorkloadModel } from '../kubernetes/model';
import { defineServiceRule } from '../analysis/rule';
import { fixOf, serviceSpec } from '../analysis/fixHelpers';
import { CLUSTER_POLICY_TITLE } from '../kubernetes/serviceEdits';
import { removePair } from '../document/edits';
import { setScalarField } from '../document/structure';
import { describeWorkload, joinAnd, namespaceOf, relatedAt, workloadData, workspaceObjects } from '../kubernetes/selection';
import type { ObjectRef, WorkspaceIndex } from '../kubernetes/workspace';
import { asMap, asSeq, fieldOf, numberValue, stringValue } from '../document/yamlNodes';

/** How many pods were counted, and the workloads they come from. */
type Data = { pods: number; workloads: Array<ReturnType<typeof workloadData>> };

/**
 * With `externalTrafficPolicy: Local`, kube-proxy delivers external traffic only to ready pods on the node that
 * received it ("If the traffic policy is Local and there are no node-local endpoints, the kube-proxy does not forward
 * any traffic", Virtual IPs and Service Proxies). With one pod, every other node drops it: for a NodePort that is most
 * of the cluster; a LoadBalancer's health checks (healthCheckNodePort) steer around it, so that case only informs.
 */
export const localTrafficPolicyFewReplicas = defineServiceRule<Data>({
  id: 'local-traffic-policy-few-replicas',
  defaultSeverity: 'warning',
  description: 'externalTrafficPolicy: Local with at most one selected pod: external traffic reaching any other node is dropped.',
  crossResource: true,
  partialSafe: false,
  check(service, ctx) {
    if (service.externalTrafficPolicy !== 'Local') return;
    const externalIPs = asSeq(fieldOf(service.spec, 'externalIPs')?.node)?.items.length ?? 0;
    const loadBalancer = service.type === 'LoadBalancer';
    // Other types reject the field (API error "may only be set for externally-accessible services").
    if (!loadBalancer && service.type !== 'NodePort' && !(service.type === 'ClusterIP' && externalIPs > 0)) return;
    const field = fieldOf(service.spec, 'externalTrafficPolicy');
    const selected = selectionIndex(ctx.workspace).selectedBy(service, ctx.uri);
    if (!field || selected.length === 0) return;
    // A DaemonSet runs a pod on every schedulable node: the intended companion of Local.
    if (selected.some(({ object }) => object.kind === 'DaemonSet')) return;
    const counts = selected.map((ref) => ({ ref, ...minimumPods(ref, ctx.workspace) }));
    if (counts.some((c) => c.pods === undefined)) return;
    const total = counts.reduce((sum, c) => sum + (c.pods ?? 0), 0);
    if (total > 1) return;

    const who = joinAnd(
      counts.map(
        ({ ref, pods, hpa }) =>
          `${describeWorkload(ref, ctx.workspace)} ${hpa ? `may scale down to ${pods} (HorizontalPodAutoscaler \`${hpa}\`)` : `runs ${pods} ${pods === 1 ? 'pod' : 'pods'}`}`,
      ),
    );
    const name = service.name ?? '(unnamed)';
    const nodePorts = service.ports.map((p) => p.nodePort).filter((p): p is number => p !== undefined);
    const nodePortText = nodePorts.length > 0 ? `node port ${joinAnd(nodePorts.map(String))}` : 'its node port';
    let consequence: string;
    if (total === 0) consequence = 'no node has a local pod, so external traffic is dropped everywhere';
    else if (loadBalancer) {
      consequence =
        "the load balancer's health checks (healthCheckNodePort) pass only on the node running that pod: all external traffic enters through that one node, " +
        'and connections can be dropped when the pod moves, until the health checks notice';
    } else if (service.type === 'NodePort') {
      consequence = `only the node running that pod answers on ${nodePortText}; connections to any other node's IP are dropped`;
    } else consequence = 'only the node running that pod accepts traffic for the external IPs; it is dropped on every other node';
    ctx.report({
      span: field.valueSpan,
      severity: loadBalancer && total > 0 ? 'information' : undefined,
      message:
        `Service \`${name}\` has \`externalTrafficPolicy: Local\`, which sends external traffic only to pods on the node that received it, and ${who}: ${consequence}.` +
        '\nRun at least 2 replicas spread over nodes, or use `externalTrafficPolicy: Cluster` if you do not need the client source IP.',
      data: { pods: total, workloads: counts.map(({ ref }) => workloadData(ref, ctx.workspace)) },
      related: counts.map(({ ref, pods }) =>
        relatedAt(ref, `${ref.object.kind} ${ref.object.name ?? '(unnamed)'}: at least ${pods} ${pods === 1 ? 'pod' : 'pods'}`),
      ),
    });
  },
  /**
   * Switch to externalTrafficPolicy: Cluster, as the refactoring does: every node then forwards external traffic, and
   * healthCheckNodePort (only allowed with Local) goes. The client source IP is lost, so it is the user's choice.
   */
  fixes(ctx) {
    const target = serviceSpec(ctx);
    if (!target) return [];
    const edits = [setScalarField(ctx.file.text, ctx.chunk, target.spec, 'externalTrafficPolicy', 'Cluster')];
    const health = fieldOf(target.spec, 'healthCheckNodePort');
    if (health) edits.push(removePair(ctx.file.text, ctx.chunk, target.spec, health.pair));
    return fixOf(CLUSTER_POLICY_TITLE, edits, { safe: false, preferred: true });
  },
});

/** How few pods the workload may run: its replicas, or the minReplicas of an autoscaler targeting it. */
function minimumPods(ref: ObjectRef<WorkloadModel>, workspace: WorkspaceIndex): { pods?: number; hpa?: string } {
  const workload = ref.object;
  const hpa = autoscalerOf(workload, workspace);
  if (hpa) return hpa;
  if (workload.kind === 'Pod') return { pods: 1 };
  const spec = asMap(fieldOf(workload.root, 'spec')?.node);
  const holder = workload.kind === 'Job' ? spec : workload.kind === 'CronJob' ? asMap(fieldOf(asMap(fieldOf(spec, 'jobTemplate')?.node), 'spec')?.node) : spec;
  const countField = fieldOf(holder, workload.kind === 'Job' || workload.kind === 'CronJob' ? 'parallelism' : 'replicas');
  // A templated or non-numeric count is unknown, not 1.
  if (countField && numberValue(countField.node, workload.doc) === undefined) return {};
  return { pods: workload.replicas };
}

function autoscalerOf(workload: WorkloadModel, workspace: WorkspaceIndex): { pods: number; hpa: string } | undefined {
  for (const { object } of workspaceObjects(workspace, (kind) => kind === 'HorizontalPodAutoscaler', 'HorizontalPodAutoscaler')) {
    if (!object.apiVersion.startsWith('autoscaling/') || namespaceOf(object) !== namespaceOf(workload)) continue;
    const spec = asMap(fieldOf(object.root, 'spec')?.node);
    const target = asMap(fieldOf(spec, 'scaleTargetRef')?.node);
    if (stringValue(fieldOf(target, 'kind')?.node, object.doc) !== workload.kind || stringValue(fieldOf(target, 'name')?.node, object.doc) !== workload.name)
      continue;
    return { pods: numberValue(fieldOf(spec, 'minReplicas')?.node, object.doc) ?? 1, hpa: object.name ?? '(unnamed)' };
  }
  return undefined;
}
