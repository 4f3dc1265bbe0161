import type { Severity } from './settings';
import type { RelatedLocation } from '../kubernetes/workspace';

export type FindingTag = 'unnecessary' | 'deprecated';

/** A finding placed in its file: offsets are absolute UTF-16 offsets into the file text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
  tags?: FindingTag[];
  related?: RelatedLocation[];
}
