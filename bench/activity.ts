/**
 * What an office does with its cases after importing them, so the benchmark queries a register that looks
 * used: a dozen staff accounts, two thirds of the cases assigned over two months of daily triage (a few
 * reassigned), some priorities and statuses changed, risk flags set. Every change goes through the same
 * repository functions as the app, in bulk as the triage screen sends them.
 */
import type { Orm } from '../db/vault';
import { assignCases, setPriority, setStatus, updateCase } from '../db/repositories/cases';
import { staff } from '../db/schema';
import { newId } from '../db/ids';
import { caseStatuses, priorities, type CaseStatus, type Priority } from '../shared/domain/cases';
import { riskFlags, type RiskFlag } from '../shared/domain/vocabularies';
import { givenNames, random } from './synthetic';

const staffSurnames = ['Лойка', 'Kazlou', 'Шаўчук', 'Miklashevich', 'Петрова', 'Hrynevich', 'Зуева', 'Ramanchuk', 'Дубовік', 'Savitskaya', 'Жукава', 'Lis'];
const DAYS = 60;

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

type Action = { caseId: string } & (
  | { kind: 'assign'; to: string }
  | { kind: 'priority'; to: Priority }
  | { kind: 'status'; to: CaseStatus }
  | { kind: 'risk'; to: RiskFlag }
);

/** Two months of triage, one transaction per day, each day later than the import. */
export function triageActivity(orm: Orm, staffIds: readonly string[], caseIds: readonly string[], authorId: string, start: Date): ActivityResult {
  const next = random(23);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Most cases go to a few busy caseworkers.
  const caseworker = () => staffIds[Math.floor(next() ** 1.5 * staffIds.length)]!;
  const days: Action[][] = Array.from({ length: DAYS }, () => []);
  const plan = (action: Action) => days[Math.floor(next() * DAYS)]!.push(action);
  for (const caseId of caseIds) {
    if (next() < 0.65) plan({ caseId, kind: 'assign', to: caseworker() });
    if (next() < 0.04) plan({ caseId, kind: 'assign', to: caseworker() });
    if (next() < 0.05) plan({ caseId, kind: 'priority', to: pick(priorities) });
    if (next() < 0.1) plan({ caseId, kind: 'status', to: pick(caseStatuses) });
    if (next() < 0.06) plan({ caseId, kind: 'risk', to: pick(riskFlags) });
  }
  let changed = 0;
  const started = performance.now();
  days.forEach((actions, day) => {
    const author = { id: authorId, at: new Date(start.getTime() + (day * 24 + 9) * 3_600_000).toISOString() };
    orm.transaction((tx) => {
      // The same action on many cases goes as one bulk call, as from the triage screen's selection.
      const batches = new Map<string, { action: Action; ids: string[] }>();
      for (const action of actions) {
        const key = `${action.kind}:${action.to}`;
        const batch = batches.get(key) ?? { action, ids: [] };
        batch.ids.push(action.caseId);
        batches.set(key, batch);
      }
      for (const { action, ids } of batches.values()) {
        if (action.kind === 'assign') changed += assignCases(tx, ids, action.to, author);
        else if (action.kind === 'priority') changed += setPriority(tx, ids, action.to, author);
        else if (action.kind === 'status') changed += setStatus(tx, ids, action.to, 'Reviewed at the weekly meeting', author);
        else {
          for (const id of ids) updateCase(tx, id, { risks: { [action.to]: true } }, undefined, author);
          changed += ids.length;
        }
      }
    });
  });
  return { changed, ms: performance.now() - started };
}
