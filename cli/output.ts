import type { CaseRecord } from '../shared/domain/cases';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain aligned table for people; scripts use --json. */
export function printCaseTable(rows: readonly CaseRecord[]): void {
  const header = ['ID', 'PRIORITY', 'STATUS', 'REGION', 'PERSON', 'TITLE'];
  const lines = rows.map((r) => [r.id, r.priority, r.status, r.region, r.personName, r.title]);
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...lines.map((l) => [...l[i]!].length))));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : [...cell].slice(0, widths[i]).join('').padEnd(widths[i]!)))
      .join('  ');
  process.stdout.write(`${[format(header), ...lines.map(format)].join('\n')}\n`);
}
