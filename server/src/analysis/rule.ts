import type { K8sObject, ServiceModel } from '../kubernetes/model';
import { isService } from '../kubernetes/model';
import type { ParsedChunk } from '../kubernetes/manifest';
import type { AnalysisSettings, Severity } from './settings';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import type { Span } from '../document/yamlNodes';

export type FindingTag = 'unnecessary' | 'deprecated';

import type { RelatedLocation } from '../kubernetes/workspace';

export type { RelatedLocation } from '../kubernetes/workspace';

export interface Report {
  /** Span relative to the chunk of the object (or chunk) being checked. */
  span: Span;
  message: string;
  /** Machine-readable payload for quick fixes; never parse the message instead. */
  data?: Record<string, unknown>;
  /** Overrides the rule's default severity for this finding only (before user settings apply). */
  severity?: Severity;
  tags?: FindingTag[];
  related?: RelatedLocation[];
}

export interface RuleContext {
  readonly uri: string;
  readonly settings: AnalysisSettings;
  readonly workspace: WorkspaceIndex;
  report(report: Report): void;
}

export interface Rule {
  /** Stable id: diagnostic code, settings key and docs file name (`docs/rules/<id>.md`). */
  id: string;
  defaultSeverity: Severity;
  /** One sentence for docs, settings and SARIF. */
  description: string;
  /**
   * Whether the rule reads objects other than the one it checks (selectors, collisions). Results of
   * rules that don't are cached with the chunk's parse.
   */
  crossResource: boolean;
  check?(object: K8sObject, ctx: RuleContext): void;
  checkChunk?(chunk: ParsedChunk, ctx: RuleContext): void;
}

/** A rule that looks at core v1 Services only. */
export function serviceRule(rule: Omit<Rule, 'check' | 'checkChunk'> & { check(service: ServiceModel, ctx: RuleContext): void }): Rule {
  return {
    ...rule,
    check(object, ctx) {
      if (isService(object)) rule.check(object, ctx);
    },
  };
}
