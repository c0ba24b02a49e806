/**
 * Whether two spellings one edit apart look like a typing slip rather than two different names: two
 * neighbouring letters swapped, a letter doubled, or a key next to the intended one struck (on the Belarusian
 * and Russian ЙЦУКЕН layouts and on QWERTY). Different surnames one edit apart (Белаш- / Белач-, -ук / -ак)
 * mostly differ otherwise; typing errors are mostly these (Damerau 1964).
 */

const ROWS = [
  ['йцукенгшўзх', 'фывапролджэ', 'ячсмітьбю'],
  ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'],
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
];

const neighbours = new Map<string, Set<string>>();
function link(x: string | undefined, y: string | undefined): void {
  if (x === undefined || y === undefined) return;
  for (const [a, b] of [[x, y], [y, x]] as const) {
    const set = neighbours.get(a) ?? new Set<string>();
    set.add(b);
    neighbours.set(a, set);
  }
}
for (const layout of ROWS) {
  layout.forEach((row, r) => {
    const below = layout[r + 1] ?? '';
    for (let i = 0; i < row.length; i++) {
      link(row[i], row[i + 1]);
      link(row[i], below[i - 1]);
      link(row[i], below[i]);
    }
  });
}

const adjacent = (a: string, b: string) => neighbours.get(a)?.has(b) ?? false;

/** `x` and `y` (lowercase) differ by one slip of the kinds above; struck neighbours only when `keyboard` (as typed). */
export function isTypingSlip(x: string, y: string, keyboard = true): boolean {
  if (x === y) return false;
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.length === short.length) {
    if (i + 1 < long.length && long[i] === short[i + 1] && long[i + 1] === short[i] && long.slice(i + 2) === short.slice(i + 2)) return true;
    return keyboard && long.slice(i + 1) === short.slice(i + 1) && adjacent(long[i]!, short[i]!);
  }
  if (long.slice(i + 1) !== short.slice(i)) return false;
  const extra = long[i]!;
  const before = long[i - 1];
  const after = long[i + 1];
  // A letter doubled, or a neighbouring key struck along with the intended one.
  if (extra === before || extra === after) return true;
  return keyboard && ((before !== undefined && adjacent(extra, before)) || (after !== undefined && adjacent(extra, after)));
}

/** Any spelling of `a` one typing slip from any of `b`: the texts as typed when in one script, else the folded keys. */
export function slipBetween(aText: string, bText: string, aKeys: readonly string[], bKeys: readonly string[]): boolean {
  if (isTypingSlip(aText, bText)) return true;
  for (const x of aKeys) for (const y of bKeys) if (x.length >= 4 && isTypingSlip(x, y, false)) return true;
  return false;
}
