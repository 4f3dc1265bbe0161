import { codeActionsFeature } from './codeActions';
import type { Feature } from './feature';
import { hoverFeature } from './hover';
import { trafficGraphFeature } from './trafficGraph';

/** Request-handling features beyond diagnostics, one module each; server.ts merges their capabilities. */
export const FEATURES: readonly Feature[] = [
  codeActionsFeature,
  hoverFeature,
  trafficGraphFeature,
];
