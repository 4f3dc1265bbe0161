/**
 * "Did you mean" for unknown field names and misspelt enum values. Field names are case-sensitive for the API server
 * (sigs.k8s.io/json decodes case-sensitively), so `targetport` is unknown although it differs from `targetPort` by case
 * only.
 */

/** Optimal-string-alignment distance: Levenshtein plus swaps of two adjacent letters (`tpye` → `type`). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The valid name `key` most likely stands for: equal ignoring case, or at most two edits away (one for names of
 * four letters or fewer, where two edits would turn `app` into `ip` and mislead).
 */
export function nearMiss(key: string, candidates: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const limit = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The valid value the user most likely meant: same letters ignoring case and separators ("nodeport", "Load-Balancer"),
 * else the single closest value within two edits ("LoadBalencer"). Undefined when nothing is close or it is a tie.
 */
export function didYouMean(value: string, valid: readonly string[]): string | undefined {
  const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = normalize(value);
  if (wanted === '') return undefined;
  const exact = valid.find((candidate) => normalize(candidate) === wanted);
  if (exact) return exact;
  const scored = valid.map((candidate) => ({ candidate, distance: levenshtein(wanted, normalize(candidate)) })).sort((a, b) => a.distance - b.distance);
  const [best, second] = scored;
  if (!best || best.distance > 2 || best.distance >= wanted.length) return undefined;
  return second && second.distance === best.distance ? undefined : best.candidate;
}

/** Plain Levenshtein distance: unlike editDistance, a swap of two letters counts as two edits. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
