import type { Document, Node, YAMLMap } from 'yaml';
import type { K8sObject, ServiceModel } from '../../kubernetes/model';
import { namespaceOf, sameNamespace } from '../../kubernetes/selection';
import { asMap, asSeq, fieldOf, numberValue, stringValue } from '../../document/yamlNodes';

/**
 * Ingresses and Gateway API routes that send traffic to a Service. They are plain K8sObjects (no typed
 * model), so this reads their YAML directly, and only the fields that name a backend.
 */

export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute'] as const;

export interface BackendUse {
  port?: number | string;
  /** Host/path (Ingress) or hostname (route) the backend serves, for the label. */
  detail: string;
}

/** Every use of `service` as a backend in `object`; empty when the object does not reference it. */
export function backendUses(object: K8sObject, service: ServiceModel): BackendUse[] {
  if (!service.name) return [];
  if (object.kind === 'Ingress' && isIngressGroup(object.apiVersion)) return ingressUses(object, service);
  if ((ROUTE_KINDS as readonly string[]).includes(object.kind) && object.apiVersion.startsWith('gateway.networking.k8s.io/')) {
    return routeUses(object, service);
  }
  return [];
}

function isIngressGroup(apiVersion: string): boolean {
  return apiVersion.startsWith('networking.k8s.io/') || apiVersion.startsWith('extensions/');
}

/** Ingress backends are always in the Ingress's own namespace (networking/v1 IngressServiceBackend). */
function ingressUses(object: K8sObject, service: ServiceModel): BackendUse[] {
  if (!sameNamespace(object, service)) return [];
  const { doc } = object;
  const spec = asMap(fieldOf(object.root, 'spec')?.node);
  const uses: BackendUse[] = [];
  const add = (backend: YAMLMap | undefined, detail: string) => {
    const target = ingressBackend(backend, doc);
    if (target && target.name === service.name) uses.push({ port: target.port, detail });
  };
  // networking/v1 `defaultBackend`; extensions/v1beta1 and networking/v1beta1 called it `backend`.
  add(asMap(fieldOf(spec, 'defaultBackend')?.node) ?? asMap(fieldOf(spec, 'backend')?.node), 'default backend');
  for (const rule of asSeq(fieldOf(spec, 'rules')?.node)?.items ?? []) {
    const ruleMap = asMap(rule);
    const host = stringValue(fieldOf(ruleMap, 'host')?.node, doc) ?? '*';
    const http = asMap(fieldOf(ruleMap, 'http')?.node);
    for (const path of asSeq(fieldOf(http, 'paths')?.node)?.items ?? []) {
      const pathMap = asMap(path);
      const pathText = stringValue(fieldOf(pathMap, 'path')?.node, doc) ?? '/';
      add(asMap(fieldOf(pathMap, 'backend')?.node), `${host}${pathText}`);
    }
  }
  return uses;
}

function ingressBackend(backend: YAMLMap | undefined, doc: Document): { name?: string; port?: number | string } | undefined {
  if (!backend) return undefined;
  const service = asMap(fieldOf(backend, 'service')?.node);
  if (service) {
    const port = asMap(fieldOf(service, 'port')?.node);
    return {
      name: stringValue(fieldOf(service, 'name')?.node, doc),
      port: numberValue(fieldOf(port, 'number')?.node, doc) ?? stringValue(fieldOf(port, 'name')?.node, doc),
    };
  }
  const name = stringValue(fieldOf(backend, 'serviceName')?.node, doc);
  if (name === undefined) return undefined;
  const portNode = fieldOf(backend, 'servicePort')?.node;
  return { name, port: numberValue(portNode, doc) ?? stringValue(portNode, doc) };
}

/**
 * Gateway API BackendObjectReference: group defaults to "" (core) and kind to Service; namespace defaults
 * to the route's own. A cross-namespace reference also needs a ReferenceGrant, which is not checked here.
 */
function routeUses(object: K8sObject, service: ServiceModel): BackendUse[] {
  const { doc } = object;
  const spec = asMap(fieldOf(object.root, 'spec')?.node);
  const hostnames = (asSeq(fieldOf(spec, 'hostnames')?.node)?.items ?? [])
    .map((item) => stringValue(item as Node, doc))
    .filter((h): h is string => h !== undefined);
  const detail = hostnames.length > 0 ? hostnames.join(', ') : `any ${object.kind === 'TCPRoute' || object.kind === 'UDPRoute' ? 'client' : 'hostname'}`;
  const uses: BackendUse[] = [];
  for (const rule of asSeq(fieldOf(spec, 'rules')?.node)?.items ?? []) {
    for (const ref of asSeq(fieldOf(asMap(rule), 'backendRefs')?.node)?.items ?? []) {
      const refMap = asMap(ref);
      if (!refMap) continue;
      const group = stringValue(fieldOf(refMap, 'group')?.node, doc) ?? '';
      const kind = stringValue(fieldOf(refMap, 'kind')?.node, doc) ?? 'Service';
      if (group !== '' || kind !== 'Service') continue;
      if (stringValue(fieldOf(refMap, 'name')?.node, doc) !== service.name) continue;
      const namespace = stringValue(fieldOf(refMap, 'namespace')?.node, doc) || namespaceOf(object);
      if (namespace !== namespaceOf(service)) continue;
      uses.push({ port: numberValue(fieldOf(refMap, 'port')?.node, doc), detail });
    }
  }
  return uses;
}
