import type { Finding } from '../../analysis/analyze';
import type { ServiceModel } from '../../kubernetes/model';
import { fieldOf, type Field, type Span } from '../../document/yamlNodes';
import type { DiagnosticTarget, PathDiagnostic, SourceLink } from '../../protocol/trafficGraph';

/**
 * Places the findings of the edited file on the diagram's nodes. The node is chosen by WHERE the finding
 * is reported (the field's span), never by its message or rule id, so new rules land on the right node
 * without changes here.
 */

const LOAD_BALANCER_FIELDS = [
  'loadBalancerSourceRanges',
  'loadBalancerClass',
  'allocateLoadBalancerNodePorts',
  'loadBalancerIP',
  'healthCheckNodePort',
  'externalTrafficPolicy',
];

interface Area {
  span: Span;
  target: DiagnosticTarget;
  laneIndex?: number;
}

export interface WorkloadArea {
  workloadIndex: number;
  /** Absolute span of the workload object in the edited file. */
  span: Span;
}

/**
 * @param offset the chunk start of the Service, to turn its chunk-relative spans absolute
 * @param serviceSpan absolute span of the whole Service object
 */
export function pathDiagnostics(
  findings: readonly Finding[],
  service: ServiceModel,
  offset: number,
  serviceSpan: Span,
  workloads: readonly WorkloadArea[],
  link: (span: Span) => SourceLink,
): PathDiagnostic[] {
  // Most specific first: a nodePort finding is inside its port's span too.
  const areas: Area[] = [];
  const abs = (span: Span): Span => ({ start: offset + span.start, end: offset + span.end });
  for (const port of service.ports) {
    if (port.fields.nodePort) areas.push({ span: abs(fieldSpan(port.fields.nodePort)), target: 'nodePort', laneIndex: port.index });
    if (port.fields.targetPort) areas.push({ span: abs(fieldSpan(port.fields.targetPort)), target: 'targetPort', laneIndex: port.index });
  }
  for (const port of service.ports) areas.push({ span: abs(port.span), target: 'port', laneIndex: port.index });
  if (service.fields.selector) areas.push({ span: abs(fieldSpan(service.fields.selector)), target: 'selector' });
  if (service.type === 'LoadBalancer') {
    for (const key of LOAD_BALANCER_FIELDS) {
      const field = fieldOf(service.spec, key);
      if (field) areas.push({ span: abs(fieldSpan(field)), target: 'loadBalancer' });
    }
  }

  const result: PathDiagnostic[] = [];
  for (const finding of findings) {
    const base = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: firstLine(finding.message),
      source: link({ start: finding.start, end: finding.end }),
    };
    if (within(finding, serviceSpan)) {
      const area = areas.find((a) => within(finding, a.span));
      result.push({ ...base, target: area?.target ?? 'service', ...(area?.laneIndex !== undefined ? { laneIndex: area.laneIndex } : {}) });
      continue;
    }
    const workload = workloads.find((w) => within(finding, w.span));
    if (workload) result.push({ ...base, target: 'workload', workloadIndex: workload.workloadIndex });
  }
  return result;
}

function fieldSpan(field: Field): Span {
  return { start: field.keySpan.start, end: Math.max(field.valueSpan.end, field.keySpan.end) };
}

/** A finding belongs to the area its start lies in (findings may extend past a value's end). */
function within(finding: { start: number }, span: Span): boolean {
  return finding.start >= span.start && finding.start <= span.end;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline === -1 ? message : message.slice(0, newline);
}
