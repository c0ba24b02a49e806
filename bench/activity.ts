/**
 * What an office does with its cases after importing them, so the benchmark queries a register that looks
 * used: a dozen staff accounts, two thirds of the cases assigned over two months of daily triage, priorities
 * and statuses changed, risk flags set. Every change goes through the same repository functions as the app.
 */
import type { Orm } from '../db/vault';
import { assignCases, setPriority, setStatus, updateCase } from '../db/repositories/cases';
import { staff } from '../db/schema';
import { newId } from '../db/ids';
import { caseStatuses, priorities } from '../shared/domain/cases';
import { riskFlags } from '../shared/domain/vocabularies';
import { givenNames, random } from './synthetic';

const staffSurnames = ['Лойка', 'Kazlou', 'Шаўчук', 'Miklashevich', 'Петрова', 'Hrynevich', 'Зуева', 'Ramanchuk', 'Дубовік', 'Savitskaya', 'Жукава', 'Lis'];

/** Staff accounts that cases are assigned to (no key slots: nobody signs in as them here). */
export function addStaff(orm: Orm, at: string): string[] {
  return staffSurnames.map((surname, i) => {
    const id = newId();
    orm.insert(staff).values({ id, name: `${givenNames[i * 2]} ${surname}`, role: 'caseworker', slotId: `bench-${id}`, createdAt: at }).run();
    return id;
  });
}

export interface ActivityResult {
  /** Cases changed, and the time it took, for the per-case cost of triage actions. */
  changed: number;
  ms: number;
}

/** Sixty days of triage, one transaction per day, each day a little later than the import. */
export function triageActivity(orm: Orm, staffIds: readonly string[], caseIds: readonly string[], authorId: string, start: Date): ActivityResult {
  const next = random(23);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = (share: number) => caseIds.filter(() => next() < share);
  const days = 60;
  let changed = 0;
  const started = performance.now();
  for (let day = 0; day < days; day++) {
    const at = (minutes: number) => ({ id: authorId, at: new Date(start.getTime() + (day * 24 * 60 + minutes) * 60_000).toISOString() });
    orm.transaction((tx) => {
      // Two thirds of the register end up assigned, most to a few busy caseworkers.
      for (const [i, id] of some(1.1 / days).entries()) {
        changed += assignCases(tx, [id], staffIds[Math.floor(next() ** 1.5 * staffIds.length)]!, at(9 * 60 + i));
      }
      for (const [i, id] of some(0.3 / days).entries()) changed += setPriority(tx, [id], pick(priorities), at(12 * 60 + i));
      for (const [i, id] of some(0.5 / days).entries()) {
        changed += setStatus(tx, [id], pick(caseStatuses), 'Reviewed at the weekly meeting', at(14 * 60 + i));
      }
      for (const [i, id] of some(0.1 / days).entries()) {
        updateCase(tx, id, { risks: { [pick(riskFlags)]: true } }, undefined, at(16 * 60 + i));
        changed += 1;
      }
    });
  }
  return { changed, ms: performance.now() - started };
}
