import type { FixProvider } from '../analysis/fix';
import { fixAppProtocolInvalid } from './app-protocol-invalid';
import { fixClusterIPInvalid } from './clusterip-invalid';
import { fixDuplicateField } from './duplicate-field';
import { fixExternalIPInvalid } from './external-ip-invalid';
import { fixExternalTrafficPolicyInvalid } from './external-traffic-policy-invalid';
import { fixExternalNameIgnoredField } from './externalname-ignored-field';
import { fixExternalNameInvalid } from './externalname-invalid';
import { fixExternalNameIpFields } from './externalname-ip-fields';
import { fixHeadlessIgnoredField } from './headless-ignored-field';
import { fixHeadlessWithNodePortOrLb } from './headless-with-nodeport-or-lb';
import { fixHealthCheckNodePortInvalid } from './health-check-nodeport-invalid';
import { fixInternalTrafficPolicyInvalid } from './internal-traffic-policy-invalid';
import { fixIpFamiliesInvalid } from './ip-families-invalid';
import { fixIpFamilyPolicyInvalid } from './ip-family-policy-invalid';
import { fixIpNonCanonical } from './ip-non-canonical';
import { fixLabelsInvalid } from './labels-invalid';
import { fixLbOnlyField } from './lb-only-field';
import { fixLbSourceRangesInvalid } from './lb-source-ranges-invalid';
import { fixLocalTrafficPolicyFewReplicas } from './local-traffic-policy-few-replicas';
import { fixMisindentedField } from './misindented-field';
import { fixNamespaceInvalid } from './namespace-invalid';
import { fixNodePortCollision } from './nodeport-collision';
import { fixNodePortDuplicate } from './nodeport-duplicate';
import { fixNodePortHandPicked } from './nodeport-hand-picked';
import { fixNodePortOnClusterIP } from './nodeport-on-clusterip';
import { fixNodePortOutOfRange } from './nodeport-out-of-range';
import { fixPortDuplicate } from './port-duplicate';
import { fixPortNameDuplicate } from './port-name-duplicate';
import { fixPortNameInvalid } from './port-name-invalid';
import { fixPortNameRequired } from './port-name-required';
import { fixProtocolMismatch } from './protocol-mismatch';
import { fixProtocolUnsupported } from './protocol-unsupported';
import { fixSelectorInvalid } from './selector-invalid';
import { fixSelectorMatchesNothing } from './selector-matches-nothing';
import { fixServiceNameInvalid } from './service-name-invalid';
import { fixSessionAffinityConfigIgnored } from './session-affinity-config-ignored';
import { fixSessionAffinityInvalid } from './session-affinity-invalid';
import { fixSessionAffinityTimeoutInvalid } from './session-affinity-timeout-invalid';
import { fixTargetPortInvalid } from './target-port-invalid';
import { fixTargetPortNotFound } from './target-port-not-found';
import { fixTargetPortUndeclared } from './target-port-undeclared';
import { fixTopologyAnnotationsConflict } from './topology-annotations-conflict';
import { fixTopologyHintsDeprecated } from './topology-hints-deprecated';
import { fixTrafficDistributionDeprecated } from './traffic-distribution-deprecated';
import { fixTrafficDistributionUnsupported } from './traffic-distribution-unsupported';
import { fixTypeUnsupported } from './type-unsupported';
import { fixUnknownField } from './unknown-field';
import { fixValueType } from './value-type';

/** Quick fixes by rule id; one file per rule, named like the rule's own file. Keep sorted by id. */
export const FIX_PROVIDERS: Readonly<Record<string, FixProvider>> = {
  'app-protocol-invalid': fixAppProtocolInvalid,
  'clusterip-invalid': fixClusterIPInvalid,
  'duplicate-field': fixDuplicateField,
  'external-ip-invalid': fixExternalIPInvalid,
  'external-traffic-policy-invalid': fixExternalTrafficPolicyInvalid,
  'externalname-ignored-field': fixExternalNameIgnoredField,
  'externalname-invalid': fixExternalNameInvalid,
  'externalname-ip-fields': fixExternalNameIpFields,
  'headless-ignored-field': fixHeadlessIgnoredField,
  'headless-with-nodeport-or-lb': fixHeadlessWithNodePortOrLb,
  'health-check-nodeport-invalid': fixHealthCheckNodePortInvalid,
  'internal-traffic-policy-invalid': fixInternalTrafficPolicyInvalid,
  'ip-families-invalid': fixIpFamiliesInvalid,
  'ip-family-policy-invalid': fixIpFamilyPolicyInvalid,
  'ip-non-canonical': fixIpNonCanonical,
  'labels-invalid': fixLabelsInvalid,
  'lb-only-field': fixLbOnlyField,
  'lb-source-ranges-invalid': fixLbSourceRangesInvalid,
  'local-traffic-policy-few-replicas': fixLocalTrafficPolicyFewReplicas,
  'misindented-field': fixMisindentedField,
  'namespace-invalid': fixNamespaceInvalid,
  'nodeport-collision': fixNodePortCollision,
  'nodeport-duplicate': fixNodePortDuplicate,
  'nodeport-hand-picked': fixNodePortHandPicked,
  'nodeport-on-clusterip': fixNodePortOnClusterIP,
  'nodeport-out-of-range': fixNodePortOutOfRange,
  'port-duplicate': fixPortDuplicate,
  'port-name-duplicate': fixPortNameDuplicate,
  'port-name-invalid': fixPortNameInvalid,
  'port-name-required': fixPortNameRequired,
  'protocol-mismatch': fixProtocolMismatch,
  'protocol-unsupported': fixProtocolUnsupported,
  'selector-invalid': fixSelectorInvalid,
  'selector-matches-nothing': fixSelectorMatchesNothing,
  'service-name-invalid': fixServiceNameInvalid,
  'session-affinity-config-ignored': fixSessionAffinityConfigIgnored,
  'session-affinity-invalid': fixSessionAffinityInvalid,
  'session-affinity-timeout-invalid': fixSessionAffinityTimeoutInvalid,
  'target-port-invalid': fixTargetPortInvalid,
  'target-port-not-found': fixTargetPortNotFound,
  'target-port-undeclared': fixTargetPortUndeclared,
  'topology-annotations-conflict': fixTopologyAnnotationsConflict,
  'topology-hints-deprecated': fixTopologyHintsDeprecated,
  'traffic-distribution-deprecated': fixTrafficDistributionDeprecated,
  'traffic-distribution-unsupported': fixTrafficDistributionUnsupported,
  'type-unsupported': fixTypeUnsupported,
  'unknown-field': fixUnknownField,
  'value-type': fixValueType,
};
