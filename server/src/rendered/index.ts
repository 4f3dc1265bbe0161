import type { SourceKind } from './source';
import { helmSource } from './helm';
import { kustomizeSource } from './kustomize';

/** Every kind of rendered source the service looks for, in the order their root files are tried. */
export const SOURCE_KINDS: readonly SourceKind[] = [helmSource, kustomizeSource];
