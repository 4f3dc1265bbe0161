import type { Rule } from '../analysis/rule';
import { annotationsInvalid } from './annotations-invalid';
import { appProtocolInvalid } from './app-protocol-invalid';
import { clusterIPInvalid } from './clusterip-invalid';
import { duplicateField } from './duplicate-field';
import { duplicateObject } from './duplicate-object';
import { fileTooLarge, nestingTooDeep } from '../analysis/limits';
import { templateNotChecked } from '../analysis/templateNotice';
import { externalIPInvalid } from './external-ip-invalid';
import { externalIPsDeprecated } from './external-ips-deprecated';
import { externalTrafficPolicyInvalid } from './external-traffic-policy-invalid';
import { externalNameIgnoredField } from './externalname-ignored-field';
import { externalNameInvalid } from './externalname-invalid';
import { externalNameIpFields } from './externalname-ip-fields';
import { headlessIgnoredField } from './headless-ignored-field';
import { headlessWithNodePortOrLb } from './headless-with-nodeport-or-lb';
import { healthCheckNodePortInvalid } from './health-check-nodeport-invalid';
import { helmValuesNodePortOutOfRange } from './helm-values-nodeport-out-of-range';
import { internalTrafficPolicyInvalid } from './internal-traffic-policy-invalid';
import { ipFamiliesInvalid } from './ip-families-invalid';
import { ipFamilyPolicyInvalid } from './ip-family-policy-invalid';
import { ipNonCanonical } from './ip-non-canonical';
import { labelsInvalid } from './labels-invalid';
import { lbOnlyField } from './lb-only-field';
import { lbSourceRangesInvalid } from './lb-source-ranges-invalid';
import { loadBalancerClassInvalid } from './load-balancer-class-invalid';
import { loadBalancerPending } from './loadbalancer-pending';
import { localTrafficPolicyFewReplicas } from './local-traffic-policy-few-replicas';
import { misindentedField } from './misindented-field';
import { nameRequired } from './name-required';
import { namespaceInvalid } from './namespace-invalid';
import { nodePortCollision } from './nodeport-collision';
import { nodePortDuplicate } from './nodeport-duplicate';
import { nodePortHandPicked } from './nodeport-hand-picked';
import { nodePortOnClusterIP } from './nodeport-on-clusterip';
import { nodePortOutOfRange } from './nodeport-out-of-range';
import { portDuplicate } from './port-duplicate';
import { portNameDuplicate } from './port-name-duplicate';
import { portNameInvalid } from './port-name-invalid';
import { portNameRequired } from './port-name-required';
import { portOutOfRange } from './port-out-of-range';
import { portsRequired } from './ports-required';
import { projectConfig } from './project-config';
import { renderFailed } from './render-failed';
import { rendererNotFound } from './renderer-not-found';
import { protocolMismatch } from './protocol-mismatch';
import { protocolUnsupported } from './protocol-unsupported';
import { selectorInvalid } from './selector-invalid';
import { selectorMatchesNothing } from './selector-matches-nothing';
import { serviceNameInvalid } from './service-name-invalid';
import { serviceWithoutSelector } from './service-without-selector';
import { sessionAffinityConfigIgnored } from './session-affinity-config-ignored';
import { sessionAffinityInvalid } from './session-affinity-invalid';
import { sessionAffinityTimeoutInvalid } from './session-affinity-timeout-invalid';
import { targetPortInvalid } from './target-port-invalid';
import { targetPortNotFound } from './target-port-not-found';
import { targetPortUndeclared } from './target-port-undeclared';
import { topologyAnnotationsConflict } from './topology-annotations-conflict';
import { topologyHintsDeprecated } from './topology-hints-deprecated';
import { trafficDistributionDeprecated } from './traffic-distribution-deprecated';
import { trafficDistributionUnsupported } from './traffic-distribution-unsupported';
import { typeUnsupported } from './type-unsupported';
import { unknownField } from './unknown-field';
import { valueType } from './value-type';
import { yamlSyntax } from './yaml-syntax';

/**
 * Every rule, and so every diagnostic code: settings keys, SARIF rules and docs pages come from here. One module each;
 * the analysis' own notices (limits, templates) live beside the code that reports them. Keep this list sorted by id.
 */
export const ALL_RULES: readonly Rule[] = [
  annotationsInvalid,
  appProtocolInvalid,
  clusterIPInvalid,
  duplicateField,
  duplicateObject,
  externalIPInvalid,
  externalIPsDeprecated,
  externalTrafficPolicyInvalid,
  externalNameIgnoredField,
  externalNameInvalid,
  externalNameIpFields,
  fileTooLarge,
  headlessIgnoredField,
  headlessWithNodePortOrLb,
  healthCheckNodePortInvalid,
  helmValuesNodePortOutOfRange,
  internalTrafficPolicyInvalid,
  ipFamiliesInvalid,
  ipFamilyPolicyInvalid,
  ipNonCanonical,
  labelsInvalid,
  lbOnlyField,
  lbSourceRangesInvalid,
  loadBalancerClassInvalid,
  loadBalancerPending,
  localTrafficPolicyFewReplicas,
  misindentedField,
  nameRequired,
  namespaceInvalid,
  nestingTooDeep,
  nodePortCollision,
  nodePortDuplicate,
  nodePortHandPicked,
  nodePortOnClusterIP,
  nodePortOutOfRange,
  portDuplicate,
  portNameDuplicate,
  portNameInvalid,
  portNameRequired,
  portOutOfRange,
  portsRequired,
  projectConfig,
  protocolMismatch,
  protocolUnsupported,
  renderFailed,
  rendererNotFound,
  selectorInvalid,
  selectorMatchesNothing,
  serviceNameInvalid,
  serviceWithoutSelector,
  sessionAffinityConfigIgnored,
  sessionAffinityInvalid,
  sessionAffinityTimeoutInvalid,
  targetPortInvalid,
  targetPortNotFound,
  targetPortUndeclared,
  templateNotChecked,
  topologyAnnotationsConflict,
  topologyHintsDeprecated,
  trafficDistributionDeprecated,
  trafficDistributionUnsupported,
  typeUnsupported,
  unknownField,
  valueType,
  yamlSyntax,
];

const byId = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
