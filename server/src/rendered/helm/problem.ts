/**
 * A failed `helm template` placed where Helm says it went wrong. Helm 4 writes template errors as
 * `mychart/templates/service.yaml:10:22` (with `executing ...` below, once per nested `include`), Helm 3 as
 * `template: mychart/templates/service.yaml:12:20: executing ...`; `required`/`fail` as `execution error at (file:line:col)`;
 * parse errors as `parse error at (file:line)`; values and Chart.yaml errors name the file and a YAML line.
 */
import * as path from 'node:path';
import type { Origin, ReadText, RenderProblem, RunFailure, Variant } from '../source';
import { chartLabel } from './chartFiles';
import { chartYamlStart, fileUri, templatePath } from './origin';
import { lineAround } from './templateText';

interface Place {
  /** File-system path of the file named. */
  file: string;
  /** 1-based line in that file. */
  line?: number;
  /** A dependency of Chart.yaml: its `name:` line. */
  dependency?: string;
}

/** A template location in a message: `<chart>/templates/x.yaml:12` optionally followed by `:col`. */
const TEMPLATE_LOCATION = /([^\s():"]+\/(?:templates|charts)\/[^\s():"]+):(\d+)(?::\d+)?/g;
const YAML_PARSE_ERROR = /YAML parse error on ([^\s:]+): .*?\byaml: line (\d+):/;
/** Helm's check of Chart.yaml's `dependencies` against charts/ (pkg/action, CheckDependencies). */
const MISSING_DEPENDENCY = /found in Chart\.yaml, but missing in charts\/ directory: (.+)$/m;
const VALUES_FILE_ERROR = /(?:cannot load|failed to parse) ([^\s:]+\.ya?ml): .*?\byaml: line (\d+):/;

/** Helm's messages are a few lines; a longer stderr is not searched past this, so a runaway one costs nothing. */
const MAX_SEARCHED = 16_384;

export function placeOf(rootDir: string, stderr: string): Place | undefined {
  const message = stderr.slice(0, MAX_SEARCHED);
  // Checked first: its line is not a template line, and its file name would match TEMPLATE_LOCATION's path part.
  const yaml = YAML_PARSE_ERROR.exec(message);
  if (yaml) {
    const file = templatePath(rootDir, yaml[1]);
    // Helm parses the template's rendered text, so the line is one of the output, not of the template: `include`
    // and `nindent` add lines and `{{- }}` lines vanish. The same line of the template is the nearest place we can
    // name without the output (Helm prints it only with --debug); the message keeps Helm's own words for the rest.
    return file === undefined ? undefined : { file, line: Number(yaml[2]) };
  }
  const values = VALUES_FILE_ERROR.exec(message);
  if (values) return { file: path.resolve(rootDir, values[1]), line: Number(values[2]) };
  // A nested `include` names the calling template first and the failing action last: the last is what to fix.
  const missing = MISSING_DEPENDENCY.exec(message);
  if (missing) return { file: path.join(rootDir, 'Chart.yaml'), dependency: missing[1].split(',')[0].trim() };
  const locations = [...message.matchAll(TEMPLATE_LOCATION)];
  const last = locations.at(-1);
  if (last) {
    const file = templatePath(rootDir, last[1]);
    return file === undefined ? undefined : { file, line: Number(last[2]) };
  }
  return undefined;
}

/** Helm's message without its `Error: ` prefix and its advice to rerun with `--debug`, which the editor cannot do. */
export function cleanMessage(message: string): string {
  return message
    .replace(/^Error: /gm, '')
    .replace(/\n*Use --debug flag to render out invalid YAML\s*$/, '')
    .trim();
}

/**
 * A failed run's message on the file and line Helm names, else on Chart.yaml's first line. A line beyond the end of
 * the file (a rendered line, see placeOf) goes to the file's last line.
 */
export function chartProblem(rootDir: string, variant: Variant, failure: { reason: RunFailure; message: string }, read: ReadText): RenderProblem {
  const message = cleanMessage(failure.message);
  const place = failure.reason === 'failed' ? placeOf(rootDir, failure.message) : undefined;
  const text = place && read(place.file);
  const origin: Origin =
    place && text !== undefined
      ? { uri: fileUri(place.file), ...placeSpan(text, place), via: variant.label }
      : { ...chartYamlStart({ rootDir, read }), via: variant.label };
  const where = place?.line !== undefined && text === undefined ? ` (${chartLabel(rootDir, place.file)}:${place.line})` : '';
  return { variant, origin, message: message + where, reason: failure.reason };
}

function placeSpan(text: string, place: Place): { start: number; end: number } {
  if (place.dependency !== undefined) {
    const escaped = place.dependency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = new RegExp(`^[ \\t-]*name:[ \\t]*["']?${escaped}["']?[ \\t]*(?:#.*)?$`, 'm').exec(text);
    return at ? lineSpan(text, text.slice(0, at.index).split('\n').length) : lineSpan(text, 1);
  }
  return lineSpan(text, place.line ?? 1);
}

/** The written part of a 1-based line (indentation left out), clamped to the file's lines. */
function lineSpan(text: string, line: number): { start: number; end: number } {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1 || next + 1 >= text.length) break;
    offset = next + 1;
  }
  const span = lineAround(text, offset);
  const indent = text.slice(span.start, span.end).search(/\S/);
  return indent < 0 ? span : { start: span.start + indent, end: span.end };
}
