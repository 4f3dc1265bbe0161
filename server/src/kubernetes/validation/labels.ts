import type { Document, YAMLMap } from 'yaml';
import { apiError, type FieldProblem } from '../apiError';
import { decodedString, isQualifiedName, isValidLabelValue } from './names';
import { fieldsOf } from '../../document/yamlNodes';

/** Which part of the `key: value` entry is invalid, and its valid spelling when one is near. */
export type LabelData = { part: 'key'; key: string; suggestion?: string } | { part: 'value'; key: string; value: string; suggestion?: string };

const KEY_RULES =
  "keys are an optional DNS-subdomain prefix and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
const VALUE_RULES = "values are empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

/**
 * unversionedvalidation.ValidateLabels (apimachinery pkg/apis/meta/v1/validation): every key must be a qualified
 * name and every value a label value; both errors use the map's path (`metadata.labels`, `spec.selector`) with the
 * offending key or value as the printed value. Shared by the rules for labels and for selectors.
 */
export function labelMapProblems(map: YAMLMap, path: string, doc: Document, what: 'Label' | 'Selector'): Array<FieldProblem<LabelData>> {
  const problems: Array<FieldProblem<LabelData>> = [];
  for (const field of fieldsOf(map)) {
    const keyErrors = isQualifiedName(field.key);
    if (keyErrors.length > 0) {
      const suggestion = suggestLabelPart(field.key, true);
      problems.push({
        span: field.keySpan,
        message:
          keyErrors.map((detail) => apiError.invalid(path, field.key, detail)).join('\n') +
          `\n${what} ${KEY_RULES}${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        data: { part: 'key', key: field.key, ...(suggestion ? { suggestion } : {}) },
      });
    }
    // null decodes to "" (valid); numbers and booleans are decode errors for the valueType rule.
    const value = decodedString(field.node, doc);
    if (typeof value !== 'string') continue;
    const valueErrors = isValidLabelValue(value);
    if (valueErrors.length === 0) continue;
    const suggestion = suggestLabelPart(value, false);
    problems.push({
      span: field.valueSpan,
      message:
        valueErrors.map((detail) => apiError.invalid(path, value, detail)).join('\n') +
        `\n${what} ${VALUE_RULES}${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
      data: { part: 'value', key: field.key, value, ...(suggestion ? { suggestion } : {}) },
    });
  }
  return problems;
}

/** Replaces runs of forbidden characters by '-' and trims what may not start or end a name; undefined if still invalid. */
function suggestLabelPart(text: string, isKey: boolean): string | undefined {
  const clean = (part: string) =>
    part
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 63)
      .replace(/[^A-Za-z0-9]+$/, '');
  let candidate: string;
  if (isKey) {
    // Which '/' was meant to separate prefix and name is anyone's guess when there are several.
    if (text.split('/').length > 2) return undefined;
    const slash = text.indexOf('/');
    const prefix =
      slash >= 0
        ? text
            .slice(0, slash)
            .toLowerCase()
            .replace(/[^a-z0-9.-]+/g, '-')
        : '';
    candidate = (prefix ? `${prefix}/` : '') + clean(slash >= 0 ? text.slice(slash + 1) : text);
  } else {
    candidate = clean(text);
  }
  const errors = isKey ? isQualifiedName(candidate) : isValidLabelValue(candidate);
  return candidate !== '' && candidate !== text && errors.length === 0 ? candidate : undefined;
}
