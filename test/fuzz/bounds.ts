/**
 * How long one input may take: a fixed allowance (first-call compilation, timers, garbage collection in either
 * process, a machine shared with other jobs: a 9 KB input once took 1.2 s under load and 20 ms alone) plus a
 * budget per character that is far above the measured cost (parse and every rule: 0.4 µs per character for CRD-heavy bundles, 6 for Services only)
 * but far below what anything quadratic or exponential needs on inputs of a few kilobytes.
 * FUZZ_TIME_FACTOR scales both for slow machines.
 */
const FACTOR = Number(process.env.FUZZ_TIME_FACTOR ?? 1) || 1;
export const BASE_MS = 2000;
export const MS_PER_CHAR = 0.02;

/** `slack` widens the bound where other work competes for the CPU (the test runner runs files in parallel). */
export function timeBound(characters: number, slack = 1): number {
  return FACTOR * slack * (BASE_MS + MS_PER_CHAR * characters);
}
