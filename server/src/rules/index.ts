import type { Rule } from '../core/rule';
import { nodePortOutOfRange } from './nodeport-out-of-range';
import { yamlSyntax } from './yaml-syntax';

/** Every rule, one file each; keep this list sorted by id. */
export const ALL_RULES: readonly Rule[] = [
  nodePortOutOfRange,
  yamlSyntax,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
