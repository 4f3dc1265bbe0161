import { isService, isWorkload, type K8sObject, type ServiceModel, type WorkloadModel } from './model';
import type { FileModel, PlacedChunk } from './manifest';

/** Another place that explains a finding or a lookup (the other Service of a collision, the closest workload...). */
export interface RelatedLocation {
  uri: string;
  /** Absolute offsets in that file's text. */
  start: number;
  end: number;
  message: string;
}

/** An object together with where it lives, so findings and links can point at it. */
export interface ObjectRef<T extends K8sObject = K8sObject> {
  uri: string;
  object: T;
  chunk: PlacedChunk;
}

/**
 * Reads a file the index does not hold, such as the kustomization next to a patch opened on its own; undefined when
 * there is none. The service layer supplies it (it owns disk access) and keeps it cheap with a cache.
 */
export type OutsideReader = (uri: string) => string | undefined;

/** Every parsed YAML file the server knows: open documents and the workspace folders' files. */
export class WorkspaceIndex {
  /** Files outside the index, for the few facts that live next to a file rather than in the workspace. */
  readOutside: OutsideReader = () => undefined;
  private readonly files = new Map<string, FileModel>();
  /** Folder URIs (with a trailing slash) that messages name files relative to, longest first. */
  private roots: string[] = [];
  private cachedServices?: ObjectRef<ServiceModel>[];
  private changes = 0;
  private cachedWorkloads?: ObjectRef<WorkloadModel>[];

  get(uri: string): FileModel | undefined {
    return this.files.get(uri);
  }

  set(file: FileModel): void {
    this.files.set(file.uri, file);
    this.invalidate();
  }

  delete(uri: string): boolean {
    const existed = this.files.delete(uri);
    if (existed) this.invalidate();
    return existed;
  }

  /** The workspace folders (or the CLI's working directory): messages name files by their path inside them. */
  setRoots(uris: readonly string[]): void {
    this.roots = uris.map((uri) => (uri.endsWith('/') ? uri : `${uri}/`)).sort((a, b) => b.length - a.length);
  }

  /**
   * How messages name a file: its path relative to the workspace folder holding it (`apps/otel.yaml`, so two
   * `otel.yaml` in different folders read as two files); the whole path for a file outside every folder.
   */
  displayPath(uri: string): string {
    const bare = uri.replace(/[?#].*$/, '');
    const root = this.folderOf(bare);
    return decoded(root ? bare.slice(root.length) : bare.replace(/^file:\/\//, ''));
  }

  /** The workspace folder (with its trailing slash) that holds `uri`, the innermost when folders nest. */
  folderOf(uri: string): string | undefined {
    return this.roots.find((folder) => uri.startsWith(folder));
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get size(): number {
    return this.files.size;
  }

  services(): ObjectRef<ServiceModel>[] {
    if (!this.cachedServices) this.collect();
    return this.cachedServices as ObjectRef<ServiceModel>[];
  }

  workloads(): ObjectRef<WorkloadModel>[] {
    if (!this.cachedWorkloads) this.collect();
    return this.cachedWorkloads as ObjectRef<WorkloadModel>[];
  }

  /** Grows with every change to any file, so derived indexes can tell whether they are stale. */
  get version(): number {
    return this.changes;
  }

  private invalidate(): void {
    this.changes++;
    this.cachedServices = undefined;
    this.cachedWorkloads = undefined;
  }

  private collect(): void {
    const services: ObjectRef<ServiceModel>[] = [];
    const workloads: ObjectRef<WorkloadModel>[] = [];
    for (const [uri, file] of this.files) {
      for (const { object, chunk } of file.objects) {
        if (isService(object)) services.push({ uri, object, chunk });
        else if (isWorkload(object)) workloads.push({ uri, object, chunk });
      }
      // A document that does not parse is not explained, but what it most likely deploys stays selectable (manifest.ts).
      for (const chunk of file.chunks) for (const object of chunk.parsed.guessedWorkloads ?? []) if (isWorkload(object)) workloads.push({ uri, object, chunk });
    }
    this.cachedServices = services;
    this.cachedWorkloads = workloads;
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What makes two definitions one object to the cluster: kind, namespace (unset means `default`) and name. */
export function objectIdentity(object: K8sObject): string | undefined {
  // Objects never change once parsed, and every edit of a large workspace looks every object's identity up again.
  const known = identities.get(object);
  if (known !== undefined) return known ?? undefined;
  const identity = object.name ? `${object.apiVersion.replace(/\/.*$/, '')}|${object.kind}|${object.namespace || 'default'}|${object.name}` : null;
  identities.set(object, identity);
  return identity ?? undefined;
}

const identities = new WeakMap<K8sObject, string | null>();

/**
 * One ref per object: when the same object is defined twice, the definition the cluster ends up with stays, which is
 * the last one `kubectl apply -f` applies (files in path order, documents in file order). Order is kept otherwise.
 */
export function oneDefinitionEach<T extends K8sObject>(refs: readonly ObjectRef<T>[]): ObjectRef<T>[] {
  const winner = new Map<string, ObjectRef<T>>();
  for (const ref of refs) {
    const identity = objectIdentity(ref.object);
    if (identity === undefined) continue;
    const held = winner.get(identity);
    if (!held || appliesAfter(ref, held)) winner.set(identity, ref);
  }
  if (winner.size === refs.length) return [...refs];
  return refs.filter((ref) => {
    const identity = objectIdentity(ref.object);
    return identity === undefined || winner.get(identity) === ref;
  });
}

/** Whether `kubectl apply -R -f` of the folder applies `a` after `b`: it walks each folder's entries in name order. */
export function appliesAfter(a: ObjectRef, b: ObjectRef): boolean {
  if (a.uri === b.uri) return a.chunk.start > b.chunk.start;
  const [left, right] = [a.uri.split('/'), b.uri.split('/')];
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return left[i] > right[i];
  return left.length > right.length;
}
