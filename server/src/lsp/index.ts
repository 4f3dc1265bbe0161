import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import { definitionFeature } from './definition';
import type { Feature } from './feature';
import { hoverFeature } from './hover';
import { inlayHintsFeature } from './inlayHints';
import { referencesFeature } from './references';
import { symbolsFeature } from './symbols';
import { trafficGraphFeature } from './trafficGraph';

/** Request-handling features beyond diagnostics, one module each; server.ts merges their capabilities. */
export const FEATURES: readonly Feature[] = [
  codeActionsFeature,
  completionFeature,
  definitionFeature,
  hoverFeature,
  inlayHintsFeature,
  referencesFeature,
  symbolsFeature,
  trafficGraphFeature,
];
