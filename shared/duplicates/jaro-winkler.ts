/** Reused match flags: a scan scores millions of pairs, so no arrays are allocated per call. */
let sFlags = new Uint8Array(64);
let tFlags = new Uint8Array(64);

/** Jaro–Winkler similarity of two strings (0..1), with the standard prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(s: string, t: string): number {
  if (s === t) return 1;
  const n = s.length;
  const m = t.length;
  if (n === 0 || m === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  if (n > sFlags.length) sFlags = new Uint8Array(n * 2);
  if (m > tFlags.length) tFlags = new Uint8Array(m * 2);
  const sMatched = sFlags;
  const tMatched = tFlags;
  sMatched.fill(0, 0, n);
  tMatched.fill(0, 0, m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(m - 1, i + window);
    const c = s.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (tMatched[j] === 0 && t.charCodeAt(j) === c) {
        sMatched[i] = 1;
        tMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (sMatched[i] === 0) continue;
    while (tMatched[k] === 0) k++;
    if (s.charCodeAt(i) !== t.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const limit = Math.min(4, n, m);
  while (prefix < limit && s.charCodeAt(prefix) === t.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The best similarity between any key of `a` and any key of `b`. */
export function bestSimilarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      const s = jaroWinkler(x, y);
      if (s > best) {
        best = s;
        if (best === 1) return 1;
      }
    }
  }
  return best;
}
