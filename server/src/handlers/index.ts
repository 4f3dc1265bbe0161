import { codeActionsFeature } from './codeActions';
import type { Feature } from './feature';

/** Request-handling features beyond diagnostics, one module each; server.ts merges their capabilities. */
export const FEATURES: readonly Feature[] = [
  codeActionsFeature,
];
