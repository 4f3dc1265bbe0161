/** Reads `spec` fields the shared ServiceModel does not carry (the hover needs nearly all of them). */
import { isSeq } from 'yaml';
import type { ServiceModel } from '../../kubernetes/model';
import { fieldOf, numberValue, scalarValue, stringValue, type Field } from '../../document/yamlNodes';

export function specField(service: ServiceModel, key: string): Field | undefined {
  return fieldOf(service.spec, key);
}

export function specString(service: ServiceModel, key: string): string | undefined {
  return stringValue(specField(service, key)?.node, service.doc);
}

export function specNumber(service: ServiceModel, key: string): number | undefined {
  return numberValue(specField(service, key)?.node, service.doc);
}

export function specBoolean(service: ServiceModel, key: string): boolean | undefined {
  const value = scalarValue(specField(service, key)?.node, service.doc);
  return typeof value === 'boolean' ? value : undefined;
}

/** A list of scalars (`externalIPs`, `loadBalancerSourceRanges`, `ipFamilies`) as strings; other items are skipped. */
export function stringList(service: ServiceModel, key: string): string[] {
  const node = specField(service, key)?.node;
  if (!isSeq(node)) return [];
  const values: string[] = [];
  for (const item of node.items) {
    const value = scalarValue(item as never, service.doc);
    if (value !== undefined && value !== null && typeof value !== 'object') values.push(String(value));
  }
  return values;
}
