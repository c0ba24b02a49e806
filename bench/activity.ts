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

type Action = { caseIndex: number } & (
  | { kind: 'assign'; to: number }
  | { kind: 'priority'; to: Priority }
  | { kind: 'status'; to: CaseStatus }
  | { kind: 'risk'; to: RiskFlag }
);

/** Two months of triage, as actions per day on cases and staff by position, so each store gets the same. */
export function planActivity(caseCount: number, staffCount: number): Action[][] {
  const next = random(23);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Most cases go to a few busy caseworkers.
  const caseworker = () => Math.floor(next() ** 1.5 * staffCount);
  const days: Action[][] = Array.from({ length: DAYS }, () => []);
  const plan = (action: Action) => days[Math.floor(next() * DAYS)]!.push(action);
  for (let caseIndex = 0; caseIndex < caseCount; caseIndex++) {
    if (next() < 0.65) plan({ caseIndex, kind: 'assign', to: caseworker() });
    if (next() < 0.04) plan({ caseIndex, kind: 'assign', to: caseworker() });
    if (next() < 0.05) plan({ caseIndex, kind: 'priority', to: pick(priorities) });
    if (next() < 0.1) plan({ caseIndex, kind: 'status', to: pick(caseStatuses) });
    if (next() < 0.06) plan({ caseIndex, kind: 'risk', to: pick(riskFlags) });
  }
  return days;
}

/** One day's actions in one transaction; the same action on many cases goes as one bulk call. Returns the cases acted on. */
export function runDay(orm: Orm, actions: readonly Action[], ids: { cases: readonly string[]; staff: readonly string[] }, author: { id: string; at: string }): number {
  let acted = 0;
  orm.transaction((tx) => {
    const batches = new Map<string, { action: Action; ids: string[] }>();
    for (const action of actions) {
      const key = `${action.kind}:${action.to}`;
      const batch = batches.get(key) ?? { action, ids: [] };
      batch.ids.push(ids.cases[action.caseIndex]!);
      batches.set(key, batch);
    }
    for (const { action, ids: caseIds } of batches.values()) {
      if (action.kind === 'assign') assignCases(tx, caseIds, ids.staff[action.to]!, author);
      else if (action.kind === 'priority') setPriority(tx, caseIds, action.to, author);
      else if (action.kind === 'status') setStatus(tx, caseIds, action.to, 'Reviewed at the weekly meeting', author);
      else for (const id of caseIds) updateCase(tx, id, { risks: { [action.to]: true } }, undefined, author);
      acted += caseIds.length;
    }
  });
  return acted;
}

/** When day `day` of the activity happens: 9:00 that many days after `start`. */
export const dayAt = (start: Date, day: number) => new Date(start.getTime() + (day * 24 + 9) * 3_600_000).toISOString();
