import { any, bool, int64, listOf, str, stringMap, struct, time } from './types';

/** metav1 types shared by every object, from staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go. */

export const ownerReference = struct('OwnerReference', 'v1', {
  apiVersion: str(),
  kind: str(),
  name: str(),
  uid: str('types.UID'),
  controller: bool,
  blockOwnerDeletion: bool,
});

export const managedFieldsEntry = struct('ManagedFieldsEntry', 'v1', {
  manager: str(),
  operation: str('v1.ManagedFieldsOperationType'),
  apiVersion: str(),
  time,
  fieldsType: str(),
  // FieldsV1.UnmarshalJSON keeps any JSON value as raw bytes.
  fieldsV1: any,
  subresource: str(),
});

export const objectMeta = struct(
  'ObjectMeta',
  'v1',
  {
    name: str(),
    generateName: str(),
    namespace: str(),
    selfLink: str(),
    uid: str('types.UID'),
    resourceVersion: str(),
    generation: int64,
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: int64,
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: listOf(ownerReference),
    finalizers: listOf(str()),
    managedFields: listOf(managedFieldsEntry),
  },
  {
    // A tombstone since kubernetes/kubernetes#109602 (1.25), so the API server now rejects it.
    clusterName: 'Kubernetes 1.25',
  },
);

export const condition = struct('Condition', 'v1', {
  type: str(),
  status: str('v1.ConditionStatus'),
  observedGeneration: int64,
  lastTransitionTime: time,
  reason: str(),
  message: str(),
});
