import type { Finding } from '../../analysis/finding';
import type { Rule } from '../../analysis/rule';
import { templateNotChecked } from '../../analysis/templateNotice';
import { helmValuesNodePortOutOfRange } from '../../rules/helm-values-nodeport-out-of-range';
import { serviceWithoutSelector } from '../../rules/service-without-selector';
import type { RenderCoverage } from './scheduler';

/** What plain analysis says where a chart rendered: the render answers instead, with the values that reach the Service. */
const ANSWERED_BY_HELM = new Set([templateNotChecked.id, helmValuesNodePortOutOfRange.id]);
/**
 * Besides every cross-resource rule, what a Kustomize build can change the answer to: `labels` with
 * `includeSelectors` and `commonLabels` add a selector to a Service that has none in its file
 * (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/labels/).
 */
const ANSWERED_BY_KUSTOMIZE = [serviceWithoutSelector.id];

/**
 * A file's plain findings together with the findings renders put in it. Where a render speaks for the file, plain
 * analysis steps back: a chart's templates are no longer "not checked" and its values files are not guessed at; a
 * Kustomize input's cross-resource verdicts come from the build, where labels, namespaces and name prefixes are applied
 * (`kubectl apply -k` creates the built objects, not the file's). A rendered finding the file already has from plain
 * analysis (same rule, same characters) is said once.
 */
export function withRendered(plain: readonly Finding[], rendered: readonly Finding[], coverage: RenderCoverage, rules: readonly Rule[]): Finding[] {
  if (rendered.length === 0 && !coverage.helmRendered && !coverage.kustomizeRendered) return plain as Finding[];
  const byBuild = new Set([...rules.filter((rule) => rule.crossResource).map((rule) => rule.id), ...ANSWERED_BY_KUSTOMIZE]);
  const kept = plain.filter(
    (finding) => !(coverage.helmRendered && ANSWERED_BY_HELM.has(finding.ruleId)) && !(coverage.kustomizeRendered && byBuild.has(finding.ruleId)),
  );
  const said = new Set(kept.map((finding) => `${finding.ruleId}\u0000${finding.start}\u0000${finding.end}`));
  const added = rendered.filter((finding) => !said.has(`${finding.ruleId}\u0000${finding.start}\u0000${finding.end}`));
  return [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
