/**
 * Objects (by their position in a workspace list) indexed by namespace and label, patched in place as the list
 * changes. parse.ts reuses the model of every unchanged document, so after an edit the new list holds the very same
 * objects except the edited ones: comparing by identity finds them, and only they are re-indexed. Rebuilding from
 * scratch on every keystroke costs 30-300 ms on 5,000 workloads (mostly garbage collection on a large heap).
 */

/** What one object contributes: its namespace, `key=value` labels, and keys that match any value. */
export interface LabelEntry {
  namespace: string;
  pairs: ReadonlyArray<readonly [string, string]>;
  anyValue: readonly string[];
}

export interface NamespaceBucket {
  /** Positions of every object of the namespace, ascending. */
  all: number[];
  /** key → value → positions. */
  values: Map<string, Map<string, number[]>>;
  /** key → positions of objects that match this key with any value. */
  anyValue: Map<string, number[]>;
}

/** Above this many changed positions a rebuild is cheaper than patching. */
const MAX_PATCH = 64;

function insertSorted(list: number[], value: number): void {
  if (list.length === 0 || list[list.length - 1] < value) {
    list.push(value);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < value) low = mid + 1;
    else high = mid;
  }
  if (list[low] !== value) list.splice(low, 0, value);
}

function removeValue(list: number[] | undefined, value: number): void {
  const at = list?.indexOf(value) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}

function listIn<K>(map: Map<K, number[]>, key: K): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

export class LabelIndex<T> {
  private readonly buckets = new Map<string, NamespaceBucket>();
  private objects: readonly T[] = [];
  private entries: Array<LabelEntry | undefined> = [];

  constructor(private readonly entryOf: (object: T) => LabelEntry | undefined) {}

  /** Brings the index up to date with `objects` (the same list as last time costs nothing). */
  sync(objects: readonly T[]): void {
    if (objects === this.objects) return;
    const previous = this.objects;
    this.objects = objects;
    if (previous.length === objects.length) {
      const changed: number[] = [];
      for (let i = 0; i < objects.length && changed.length <= MAX_PATCH; i++) if (objects[i] !== previous[i]) changed.push(i);
      if (changed.length <= MAX_PATCH) {
        for (const i of changed) {
          const old = this.entries[i];
          if (old) this.remove(i, old);
          this.entries[i] = this.entryOf(objects[i]);
          const entry = this.entries[i];
          if (entry) this.add(i, entry);
        }
        return;
      }
    }
    this.buckets.clear();
    this.entries = objects.map((object, i) => {
      const entry = this.entryOf(object);
      if (entry) this.add(i, entry);
      return entry;
    });
  }

  bucket(namespace: string): NamespaceBucket | undefined {
    return this.buckets.get(namespace);
  }

  namespaces(): string[] {
    return [...this.buckets.keys()];
  }

  private add(i: number, entry: LabelEntry): void {
    let bucket = this.buckets.get(entry.namespace);
    if (!bucket) this.buckets.set(entry.namespace, (bucket = { all: [], values: new Map(), anyValue: new Map() }));
    insertSorted(bucket.all, i);
    for (const [key, value] of entry.pairs) {
      let values = bucket.values.get(key);
      if (!values) bucket.values.set(key, (values = new Map<string, number[]>()));
      insertSorted(listIn(values, value), i);
    }
    for (const key of entry.anyValue) insertSorted(listIn(bucket.anyValue, key), i);
  }

  private remove(i: number, entry: LabelEntry): void {
    const bucket = this.buckets.get(entry.namespace);
    if (!bucket) return;
    removeValue(bucket.all, i);
    for (const [key, value] of entry.pairs) removeValue(bucket.values.get(key)?.get(value), i);
    for (const key of entry.anyValue) removeValue(bucket.anyValue.get(key), i);
  }
}
