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

/** Every parsed YAML file the server knows: open documents and the workspace folders' files. */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileModel>();
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
    }
    this.cachedServices = services;
    this.cachedWorkloads = workloads;
  }
}
