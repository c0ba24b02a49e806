/**
 * Finding likely duplicates among many persons without comparing every pair: records are put in blocks by
 * keys that true duplicates almost always share, and only records sharing a block are scored.
 *
 * Blocks: the consonant skeleton of each transliteration of the surname (catches every spelling and script,
 * a missing birth date, an off-by-one year); the given name (as a name across languages) with the birth year
 * (or the year before), with the first letters of the surname, and with the patronymic (these catch a typo
 * that changes the surname's skeleton).
 */
import { matchFeatures, type MatchFeatures, type MatchInput } from './features';
import { pairKey } from './groups';
import type { Reason } from './reasons';
import { DEFAULT_THRESHOLD, scorePair } from './score';

export interface Candidate {
  /** The smaller id. */
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly reasons: Reason[];
}

export interface ScanInput {
  readonly persons: readonly MatchInput[];
  /** Recorded relations (either direction). */
  readonly relations?: readonly { personId: string; relativeId: string }[];
  readonly threshold?: number;
}

export function givenId(f: MatchFeatures): string | null {
  if (f.givenNames.length > 0) return `n${f.givenNames[0]!.id}`;
  return f.given.keys[0] ?? null;
}

function patronymicId(f: MatchFeatures): string | null {
  if (f.patronymicNames.length > 0) return `n${f.patronymicNames[0]!.id}`;
  return f.patronymicStems[0] ?? null;
}

/** Surname and given name as one key, to count the records that share a full name. */
export function fullNameKey(f: MatchFeatures, given = givenId(f)): string | null {
  const family = f.family.skeletons[0];
  return family === undefined || given === null ? null : `${family}:${given}`;
}

/** The blocking keys of one person. */
export function blockingKeys(f: MatchFeatures): string[] {
  const keys = new Set<string>();
  for (const s of f.family.skeletons) keys.add(`f:${s}`);
  const g = givenId(f);
  if (g !== null) {
    // The first consonant class of the surname keeps these blocks small; a typo rarely touches it.
    const initials = new Set(f.family.skeletons.map((s) => s.charAt(0)));
    if (initials.size === 0) initials.add('');
    for (const initial of initials) {
      // Each record sits in its birth year's block and the next one's, so years one apart meet.
      if (f.birth !== null) {
        keys.add(`gy:${g}:${initial}:${f.birth.year}`);
        keys.add(`gy:${g}:${initial}:${f.birth.year + 1}`);
      }
      const p = patronymicId(f);
      if (p !== null) keys.add(`gp:${g}:${initial}:${p}`);
    }
    for (const k of f.family.keys) if (k.length >= 5) keys.add(`fp:${g}:${k.slice(0, 4)}`);
  }
  return [...keys];
}

/** Pairs that no name agreement can rescue; skipped before scoring. */
export function clearlyDifferent(a: MatchFeatures, b: MatchFeatures): boolean {
  if (a.birth !== null && b.birth !== null && Math.abs(a.birth.year - b.birth.year) >= 3) return true;
  return a.gender !== null && b.gender !== null && a.gender !== b.gender;
}

function relativesOf(relations: ScanInput['relations']): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (x: string, y: string) => {
    const set = out.get(x) ?? new Set<string>();
    set.add(y);
    out.set(x, set);
  };
  for (const r of relations ?? []) {
    add(r.personId, r.relativeId);
    add(r.relativeId, r.personId);
  }
  return out;
}

export interface RelativeContext {
  related: boolean;
  sharedRelatives: number;
}

export function relativeContext(relatives: ReadonlyMap<string, ReadonlySet<string>>, a: string, b: string): RelativeContext {
  const ra = relatives.get(a);
  const rb = relatives.get(b);
  if (ra === undefined || rb === undefined) return { related: false, sharedRelatives: 0 };
  let shared = 0;
  for (const id of ra) if (rb.has(id)) shared++;
  return { related: ra.has(b), sharedRelatives: shared };
}

export interface ScanStats {
  readonly persons: number;
  readonly blocks: number;
  readonly compared: number;
}

/** Every pair scoring at or above the threshold, best first (ties by ids). */
export function findDuplicates(input: ScanInput): { candidates: Candidate[]; stats: ScanStats } {
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  const features = input.persons.map(matchFeatures);
  const n = features.length;
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    for (const key of blockingKeys(features[i]!)) {
      const list = blocks.get(key);
      if (list === undefined) blocks.set(key, [i]);
      else list.push(i);
    }
  }
  const familyCount = new Int32Array(n);
  for (const [key, members] of blocks) {
    if (!key.startsWith('f:')) continue;
    for (const i of members) if (members.length > familyCount[i]!) familyCount[i] = members.length;
  }
  const givenCounts = new Map<string, number>();
  const givenOf = features.map(givenId);
  for (const g of givenOf) if (g !== null) givenCounts.set(g, (givenCounts.get(g) ?? 0) + 1);
  const givenCount = (i: number) => (givenOf[i] === null ? undefined : givenCounts.get(givenOf[i]!));
  const nameKeyOf = features.map((f, i) => fullNameKey(f, givenOf[i] ?? null));
  const nameCounts = new Map<string, number>();
  for (const k of nameKeyOf) if (k !== null) nameCounts.set(k, (nameCounts.get(k) ?? 0) + 1);
  const nameCount = (i: number) => (nameKeyOf[i] === null ? 0 : (nameCounts.get(nameKeyOf[i]!) ?? 0));
  const relatives = relativesOf(input.relations);
  const seen = new Set<number>();
  const candidates: Candidate[] = [];
  let compared = 0;
  for (const members of blocks.values()) {
    const size = members.length;
    if (size < 2) continue;
    for (let x = 0; x < size; x++) {
      const i = members[x]!;
      const fi = features[i]!;
      for (let y = x + 1; y < size; y++) {
        const j = members[y]!;
        const fj = features[j]!;
        if (clearlyDifferent(fi, fj)) continue;
        const pair = i < j ? i * n + j : j * n + i;
        if (seen.has(pair)) continue;
        seen.add(pair);
        compared++;
        const context = {
          familyCount: Math.max(familyCount[i]!, familyCount[j]!),
          givenCount: Math.max(givenCount(i) ?? 0, givenCount(j) ?? 0),
          nameCount: Math.max(nameCount(i), nameCount(j)),
          population: n,
          ...relativeContext(relatives, fi.input.id, fj.input.id),
        };
        const quick = scorePair(fi, fj, context, false);
        if (quick.score < threshold) continue;
        const [first, second] = fi.input.id < fj.input.id ? [fi, fj] : [fj, fi];
        const { score, reasons } = scorePair(first, second, context, true);
        candidates.push({ a: first.input.id, b: second.input.id, score, reasons });
      }
    }
  }
  candidates.sort(byScore);
  return { candidates, stats: { persons: n, blocks: blocks.size, compared } };
}

export function byScore(l: Candidate, r: Candidate): number {
  if (l.score !== r.score) return r.score - l.score;
  return pairKey(l.a, l.b) < pairKey(r.a, r.b) ? -1 : 1;
}
