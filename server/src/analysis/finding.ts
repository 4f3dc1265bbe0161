import type { Severity } from './settings';
import type { FindingTag, RelatedLocation } from './rule';

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
