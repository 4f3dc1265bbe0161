import type { Document, YAMLMap } from 'yaml';
import { asMap, fieldOf, type Field, type Span } from '../document/yamlNodes';

/** Any object with `apiVersion` and `kind`; spans are relative to the chunk it was parsed from. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The object's mapping node. */
  root: YAMLMap;
  doc: Document;
  /** Where the object sits in its document: '' at top level, 'items[2]' inside a List. */
  path: string;
  /** The span to report object-level problems on (the `kind` value). */
  anchorSpan: Span;
  metadata?: YAMLMap;
  labels: Record<string, string>;
}

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export interface ServicePortModel {
  index: number;
  map: YAMLMap;
  span: Span;
  name?: string;
  /** The port number as written, if it is a number. */
  port?: number;
  /** Effective targetPort after v1 defaulting (`port` when omitted or 0). */
  targetPort?: number | string;
  /** Effective protocol after defaulting (TCP). */
  protocol: string;
  /** The nodePort as written when it is a non-zero number; 0 means "allocate" to the API. */
  nodePort?: number;
  fields: {
    name?: Field;
    port?: Field;
    targetPort?: Field;
    nodePort?: Field;
    protocol?: Field;
    appProtocol?: Field;
  };
}

export interface ServiceModel extends K8sObject {
  kind: 'Service';
  spec?: YAMLMap;
  /** Effective type after defaulting; the raw string when it is not a valid type. */
  type: string;
  ports: ServicePortModel[];
  /** Undefined when the Service has no selector (endpoints managed elsewhere). */
  selector?: Record<string, string>;
  clusterIP?: string;
  externalTrafficPolicy?: string;
  fields: {
    spec?: Field;
    type?: Field;
    ports?: Field;
    selector?: Field;
  };
}

export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export interface ContainerPortModel {
  name?: string;
  containerPort?: number;
  protocol: string;
  map: YAMLMap;
  span: Span;
}

export interface ContainerModel {
  name?: string;
  init: boolean;
  ports: ContainerPortModel[];
}

export interface WorkloadModel extends K8sObject {
  kind: WorkloadKind;
  /** The pod template's labels (the object's own labels for a Pod). */
  podLabels: Record<string, string>;
  /** The mapping holding the pod labels, when present. */
  podLabelsMap?: YAMLMap;
  replicas?: number;
  containers: ContainerModel[];
}

export function isService(object: K8sObject): object is ServiceModel {
  return object.kind === 'Service' && 'ports' in object;
}

export function isWorkload(object: K8sObject): object is WorkloadModel {
  return 'podLabels' in object;
}

/** The `metadata.annotations` entry `key` of an object, as written. */
export function annotationField(object: K8sObject, key: string): Field | undefined {
  return fieldOf(asMap(fieldOf(object.metadata, 'annotations')?.node), key);
}
