/**
 * Go to definition from a Service to what it points at, across the workspace:
 * - from `selector` (the key, or any label in it) to the pod template labels of every workload it selects, the
 *   matching label selected when the cursor is on one;
 * - from `targetPort` (a name, or a number) to the container port it resolves to in each selected workload:
 *   the first declared port with that name (or number) and the Service port's protocol, as FindPort picks it.
 * Selection and resolution are kubernetes/selection.ts's, so navigation agrees with the diagnostics and hovers.
 */
import { isService, type ServiceModel } from '../../kubernetes/model';
import { locate, type Located } from '../../kubernetes/locate';
import { resolveTargetPort } from '../../kubernetes/selection';
import { fieldOf, spanOf } from '../../document/yamlNodes';
import { selectionIndex } from '../../kubernetes/selectionIndex';
import { targetIn, type NavigationEnv, type NavigationResult, type NavigationTarget } from './targets';

export function definitionAt(env: NavigationEnv, offset: number): NavigationResult | undefined {
  const located = locate(env.file, offset);
  if (!located || !isService(located.object)) return undefined;
  const service = located.object;
  const [root, key, index, portKey] = located.path;
  if (root !== 'spec') return undefined;
  let targets: NavigationTarget[] | undefined;
  if (key === 'selector' && located.path.length <= 3) {
    targets = selectorTargets(service, env, located.path.length === 3 ? String(located.path[2]) : undefined);
  } else if (key === 'ports' && typeof index === 'number' && portKey === 'targetPort' && located.path.length === 4) {
    targets = targetPortTargets(service, index, env);
  }
  if (!targets || targets.length === 0) return undefined;
  return { origin: originOf(located), targets };
}

function originOf({ chunk, span }: Located): NavigationResult['origin'] {
  return { start: chunk.start + span.start, end: chunk.start + span.end };
}

/** The pod labels of each selected workload, with the label under the cursor (else the first selector label) selected. */
function selectorTargets(service: ServiceModel, env: NavigationEnv, label: string | undefined): NavigationTarget[] {
  const wanted = label !== undefined ? [label] : Object.keys(service.selector ?? {});
  return selectionIndex(env.workspace)
    .selectedBy(service, env.uri)
    .map((ref) => {
      const labels = ref.object.podLabelsMap;
      const whole = spanOf(labels) ?? ref.object.anchorSpan;
      // A label that controllers add to pods (pod-template-hash...) has no entry to point at: the mapping it is.
      const entry = wanted.map((key) => fieldOf(labels, key)).find((field) => field !== undefined);
      return targetIn(ref, whole, entry ? { start: entry.keySpan.start, end: entry.valueSpan.end } : whole);
    });
}

/** The container port each selected workload's pods deliver this Service port's traffic to. */
function targetPortTargets(service: ServiceModel, index: number, env: NavigationEnv): NavigationTarget[] {
  const port = service.ports.find((p) => p.index === index);
  if (!port) return [];
  const targets: NavigationTarget[] = [];
  for (const ref of selectionIndex(env.workspace).selectedBy(service, env.uri)) {
    const resolution = resolveTargetPort(port, ref.object);
    const used = resolution?.matches[0];
    if (!used) continue;
    const number = fieldOf(used.port.map, 'containerPort');
    targets.push(targetIn(ref, used.port.span, number ? { start: number.keySpan.start, end: number.valueSpan.end } : used.port.span));
  }
  return targets;
}
