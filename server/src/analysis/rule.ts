import { isService, type K8sObject, type ServiceModel } from '../kubernetes/model';
import type { ParsedChunk } from '../kubernetes/manifest';
import type { RelatedLocation, WorkspaceIndex } from '../kubernetes/workspace';
import type { Span } from '../document/yamlNodes';
import type { AnalysisSettings, Severity } from './settings';
import type { FindingTag } from './finding';
import type { Fix, FixContext, FixTarget } from './fix';

export type { FindingTag } from './finding';
export type { RelatedLocation } from '../kubernetes/workspace';

/**
 * A rule's `data`: the machine-readable payload its fixes read (never the message). A rule whose Data type admits
 * `undefined` may leave it out of a report; otherwise every report carries it.
 */
type DataField<Data> = undefined extends Data ? { data?: Data } : { data: Data };

export type Report<Data extends object | undefined = object | undefined> = {
  /** Span relative to the chunk of the object (or chunk) being checked. */
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding only (before user settings apply). */
  severity?: Severity;
  tags?: FindingTag[];
  related?: RelatedLocation[];
} & DataField<Data>;

export interface RuleContext<Data extends object | undefined = object | undefined> {
  readonly uri: string;
  readonly settings: AnalysisSettings;
  readonly workspace: WorkspaceIndex;
  report(report: Report<Data>): void;
}

/** The rule's page, relative to the package root: the editor links the copy shipped with it, SARIF the repository's. */
export const ruleDocsPath = (id: string): string => `docs/rules/${id}.md`;

interface RuleMeta {
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
  /**
   * Whether the rule may judge an object the file shows only part of (a Kustomize patch, an object with YAML merge
   * keys; see partial.ts): true only when it judges a value written in place, by itself, the same whatever the rest of
   * the final object holds. Rules about something missing, about how fields combine or about other objects are not.
   */
  partialSafe: boolean;
}

/**
 * A rule as the engine, the registry and everything that lists rules see it. A rule without checks is reported
 * outside the rules pass (the analysis' own notices, the project file's problems) and is listed for its id,
 * severity and docs.
 */
export interface Rule extends Readonly<RuleMeta> {
  /** `docs/rules/<id>.md`. */
  readonly docs: string;
  readonly check?: (object: K8sObject, ctx: RuleContext) => void;
  readonly checkChunk?: (chunk: ParsedChunk, ctx: RuleContext) => void;
  /** The quick fixes for one of this rule's findings. */
  readonly fixes?: (target: FixTarget) => Fix[];
}

/** One rule in one module: what it is, what it checks, and how its findings are fixed, sharing one `Data` type. */
export interface RuleDefinition<Data extends object | undefined> extends RuleMeta {
  check?: (object: K8sObject, ctx: RuleContext<Data>) => void;
  checkChunk?: (chunk: ParsedChunk, ctx: RuleContext<Data>) => void;
  fixes?: (ctx: FixContext<Data>) => Fix[];
}

export function defineRule<Data extends object | undefined = undefined>(definition: RuleDefinition<Data>): Rule {
  const { check, checkChunk, fixes, ...meta } = definition;
  // The engine's context accepts any report, so it is a context for this rule's reports too.
  const typed = (ctx: RuleContext) => ctx as unknown as RuleContext<Data>;
  return {
    ...meta,
    docs: ruleDocsPath(meta.id),
    ...(check ? { check: (object: K8sObject, ctx: RuleContext) => check(object, typed(ctx)) } : {}),
    ...(checkChunk ? { checkChunk: (chunk: ParsedChunk, ctx: RuleContext) => checkChunk(chunk, typed(ctx)) } : {}),
    // The fix engine only hands a rule its own findings, whose data its check reported as Data.
    ...(fixes ? { fixes: (target: FixTarget) => fixes({ ...target, data: target.finding.data as Data }) } : {}),
  };
}

/** A rule that looks at core v1 Services only. */
export function defineServiceRule<Data extends object | undefined = undefined>(
  definition: Omit<RuleDefinition<Data>, 'check' | 'checkChunk'> & { check: (service: ServiceModel, ctx: RuleContext<Data>) => void },
): Rule {
  const { check, ...rest } = definition;
  return defineRule<Data>({
    ...rest,
    check(object, ctx) {
      if (isService(object)) check(object, ctx);
    },
  });
}
