import { eq, or, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import { persons } from '../schema';
import { matchingIds } from '../search';
import type { Db } from './changes';

type Found = { id: string; displayName: string; birthDate: string | null; region: string | null };

const describe = (p: Found) => `${p.displayName}${p.birthDate ? ` (born ${p.birthDate})` : ''}${p.region ? `, ${p.region}` : ''}: ${p.id}`;

/**
 * A recipient by id, or by name: the name as written (any case) first, then in any script through the search
 * index. Several matches are an error that names them all; a payment never goes to a guessed person.
 */
export function resolveRecipient(db: Db, recipient: string): { id: string; displayName: string } {
  const text = recipient.trim().replace(/\s+/g, ' ');
  const columns = { id: persons.id, displayName: persons.displayName, birthDate: persons.birthDate, region: persons.region };
  const byId = db.select(columns).from(persons).where(eq(persons.id, text)).get();
  if (byId) return { id: byId.id, displayName: byId.displayName };
  let found: Found[] = db
    .select(columns)
    .from(persons)
    .where(or(sql`${persons.displayName} = ${text} COLLATE NOCASE`, sql`${persons.latinName} = ${text} COLLATE NOCASE`))
    .limit(21)
    .all();
  if (found.length === 0) {
    const matches = matchingIds('person', text);
    found = matches ? db.select(columns).from(persons).where(sql`${persons.id} IN (${matches})`).limit(21).all() : [];
  }
  if (found.length === 0) throw new AppError('NOT_FOUND', `No person called "${text.slice(0, 200)}". Add the person first, or give their id.`);
  if (found.length > 1) {
    const listed = found.slice(0, 20).map(describe).join('; ');
    throw new AppError('AMBIGUOUS_RECIPIENT', `"${text.slice(0, 200)}" matches ${found.length > 20 ? 'more than 20' : found.length} persons: ${listed}. Give the id of the one you mean.`);
  }
  const [only] = found as [Found];
  return { id: only.id, displayName: only.displayName };
}
