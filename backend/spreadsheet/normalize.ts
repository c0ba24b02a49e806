/**
 * Folds a header or a cell value for matching: case, `ё`/`е`, Unicode forms, quotes and punctuation, repeated
 * spaces. `Мінская вобл.` and `мінская вобл` fold the same; so do `"Extremist" listing` and `extremist listing`.
 */
export function fold(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’'`ʼ]/g, '')
    .replace(/[\s.,:;!?()[\]{}"«»„“”*#№_/\\|+-]+/g, ' ')
    .trim();
}

/** True when `stem` starts a word of the folded `text` (`наруш` in `вид нарушения`). */
export function hasWordStartingWith(text: string, stem: string): boolean {
  return ` ${text}`.includes(` ${stem}`);
}
