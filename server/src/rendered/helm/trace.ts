/**
 * Tracing a rendered value back to the values leaf that produced it. A leaf whose value equals the rendered one is
 * only a candidate: a chart may copy `exposure.port` into `nodePort` through a variable or a helper, and another leaf
 * may hold the same number by chance. So each candidate is confirmed by rendering again with that leaf set to a
 * recognisable sentinel of the same type: the leaf supplied the field exactly when the sentinel shows up there.
 */
import { parseFile, type FileModel } from '../../kubernetes/manifest';
import type { PathSegment } from '../../kubernetes/locate';
import type { RenderCommand, RunRenderer, Variant } from '../source';
import { renderedUri } from '../source';
import { effectiveLeaves, mergeLayers, valueAt, type Leaf, type ValuesLayer } from './values';
import { formatSetPath, type ValuesPath } from './valueSets';
import { objectByKey, scalarTextAt, type ObjectKey } from './renderedOutput';

/** At most this many candidates are tried at once in one render, and at most this many one by one after it. */
const MAX_BATCH = 16;
const MAX_SINGLE = 4;
/** Sentinel numbers sit inside the default node-port range so a chart that checks its ports still renders. */
const SENTINEL_NUMBER_BASE = 31_401;

/** Renders of one chart variant with some leaves changed, shared by every finding of that render. */
export class SentinelRenders {
  private readonly renders = new Map<string, Promise<FileModel | undefined>>();

  constructor(
    private readonly rootDir: string,
    private readonly variant: Variant,
    private readonly run: RunRenderer,
  ) {}

  /** The render with these extra arguments; undefined when it failed (a cancelled one is not remembered). */
  render(extra: readonly string[], signal: AbortSignal): Promise<FileModel | undefined> {
    const key = extra.join('\0');
    const known = this.renders.get(key);
    if (known) return known;
    const command: RenderCommand = { ...this.variant.command, args: [...this.variant.command.args, ...extra] };
    const pending = this.run(command, signal).then((outcome) => {
      if (!outcome.ok && outcome.reason === 'cancelled') this.renders.delete(key);
      return outcome.ok ? parseFile(renderedUri(this.rootDir, this.variant), outcome.stdout) : undefined;
    });
    this.renders.set(key, pending);
    return pending;
  }
}

export interface TraceTarget {
  object: ObjectKey;
  path: readonly PathSegment[];
  /** The scalar rendered there, as text. */
  rendered: string;
}

/** Leaves whose value reads as the rendered text, those named like the field first (`nodePort` for `...nodePort`). */
export function candidates(layers: readonly ValuesLayer[], target: TraceTarget): Leaf[] {
  const fieldName = [...target.path].reverse().find((segment) => typeof segment === 'string');
  const matching = effectiveLeaves(layers).filter((leaf) => String(leaf.value) === target.rendered);
  const named = (leaf: Leaf) => leaf.path.at(-1) === fieldName;
  return [...matching.filter(named), ...matching.filter((leaf) => !named(leaf))];
}

/** The leaf that supplied the field, confirmed by sentinel renders; undefined when none could be confirmed. */
export async function traceLeaf(layers: readonly ValuesLayer[], target: TraceTarget, renders: SentinelRenders, signal: AbortSignal): Promise<Leaf | undefined> {
  const found = candidates(layers, target);
  if (found.length === 0) return undefined;
  const merged = mergeLayers(layers);
  const batchable = found.filter((leaf) => typeof leaf.value !== 'boolean').slice(0, MAX_BATCH);
  // One render with every candidate at its own sentinel answers most cases at once.
  if (batchable.length > 0) {
    const sentinels = batchable.map((leaf, i) => sentinelFor(leaf.value, i));
    const model = await renders.render(
      batchable.map((leaf, i) => setArgument(merged, leaf.path, sentinels[i])),
      signal,
    );
    if (signal.aborted) return undefined;
    const seen = model && fieldText(model, target);
    const hit = seen === undefined ? -1 : sentinels.findIndex((sentinel) => String(sentinel) === seen);
    if (hit >= 0) return batchable[hit];
    // Unchanged with every candidate changed: none of them flows into the field.
    if (seen === target.rendered) return undefined;
  }
  // The batch failed or moved things around (leaves that steer conditionals): one leaf at a time.
  for (const leaf of found.slice(0, MAX_SINGLE)) {
    const sentinel = sentinelFor(leaf.value, 0);
    const model = await renders.render([setArgument(merged, leaf.path, sentinel)], signal);
    if (signal.aborted) return undefined;
    if (model && fieldText(model, target) === String(sentinel)) return leaf;
  }
  return undefined;
}

function fieldText(model: FileModel, target: TraceTarget): string | undefined {
  const object = objectByKey(model, target.object);
  return object && scalarTextAt(object.root, target.path);
}

/**
 * A value of the same type as `value` that no chart holds by chance: a number for a number, a string for a string
 * (digits for digits, lower-case letters otherwise, so that it stays a valid name), the opposite for a boolean.
 */
export function sentinelFor(value: string | number | boolean, index: number): string | number | boolean {
  if (typeof value === 'boolean') return !value;
  let number = SENTINEL_NUMBER_BASE + index;
  if (String(number) === String(value)) number += MAX_BATCH;
  if (typeof value === 'number') return number;
  return /^\d+$/.test(value) ? String(number) : `kslsentinel${index}`;
}

/**
 * The argument that sets one leaf to its sentinel. It must win over the variant's own values: Helm applies `-f`
 * files, then `--set-json`, then `--set`, then `--set-string` (MergeValues, pkg/cli/values/options.go), and a later
 * one of a kind wins. So a number or boolean goes through `--set` (an int64, which templates print and compare like
 * the float64 of a values file) and a string through `--set-string`. `--set` on a list index would replace the whole
 * list with a list of just that entry (strvals builds a new list, and Helm replaces lists rather than merging them),
 * so a leaf inside a list is set with `--set-json` by writing the whole outermost list with the one leaf changed; a
 * list the variant's own `--set` wrote then stays as it was, and the leaf is not confirmed.
 */
export function setArgument(merged: Record<string, unknown>, leafPath: ValuesPath, sentinel: string | number | boolean): string {
  const firstIndex = leafPath.findIndex((segment) => typeof segment === 'number');
  if (firstIndex < 0) return `${typeof sentinel === 'string' ? '--set-string' : '--set'}=${formatSetPath(leafPath)}=${String(sentinel)}`;
  const listPath = leafPath.slice(0, firstIndex);
  const list = structuredClone(valueAt(merged, listPath)) as unknown[];
  let node: Record<string | number, unknown> = list as unknown as Record<string | number, unknown>;
  const inner = leafPath.slice(firstIndex);
  for (const segment of inner.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[inner[inner.length - 1]] = sentinel;
  return `--set-json=${formatSetPath(listPath)}=${JSON.stringify(list)}`;
}
