/**
 * Whether two strings are at most one keyboard slip apart: one letter changed, dropped, added, or two
 * neighbouring letters swapped (optimal string alignment distance ≤ 1). Linear, allocation-free.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > 1) return false;
  let i = 0;
  while (i < n && i < m && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (n === m) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < n && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }
  return n > m ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Whether any key of `a` is within one slip of any key of `b` (keys of four letters or more). */
export function anyWithinOneEdit(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    if (x.length < 4) continue;
    for (const y of b) if (y.length >= 4 && withinOneEdit(x, y)) return true;
  }
  return false;
}
