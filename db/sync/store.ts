/**
 * Prepared statements over the operation log for one connection. Raw statements rather than drizzle:
 * these run once per field of every write and every received operation.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../connection';

export const STATE_SUPERSEDED = 0;
export const STATE_HEAD = 1;
export const STATE_ERASED = 2;

export interface StoredOp {
  id: number;
  rid: number;
  field: string;
  site: number;
  counter: number;
  hlc: number;
  value: string | null;
  pred: string;
  purge: number;
  state: number;
}

export interface SelfRow {
  siteRef: number;
  counter: number;
  hlc: number;
}

export class SyncStore {
  readonly #sqlite: Sqlite;
  readonly #siteIds = new Map<number, string>();
  readonly #siteRefs = new Map<string, number>();
  readonly #stmts = new Map<string, Statement>();

  constructor(sqlite: Sqlite) {
    this.#sqlite = sqlite;
  }

  get sqlite(): Sqlite {
    return this.#sqlite;
  }

  stmt(sql: string): Statement {
    let found = this.#stmts.get(sql);
    if (!found) {
      found = this.#sqlite.prepare(sql);
      this.#stmts.set(sql, found);
    }
    return found;
  }

  self(): SelfRow | undefined {
    return this.stmt('SELECT site_ref AS siteRef, counter, hlc FROM sync_self WHERE id = 1').get() as SelfRow | undefined;
  }

  saveSelf(counter: number, hlc: number): void {
    this.stmt('UPDATE sync_self SET counter = ?, hlc = ? WHERE id = 1').run(counter, hlc);
  }

  siteId(ref: number): string {
    let id = this.#siteIds.get(ref);
    if (id === undefined) {
      const row = this.stmt('SELECT site FROM sync_sites WHERE id = ?').get(ref) as { site: string } | undefined;
      if (!row) throw new Error(`Unknown site ${ref}.`);
      id = row.site;
      this.#siteIds.set(ref, id);
      this.#siteRefs.set(id, ref);
    }
    return id;
  }

  siteRef(site: string): number | undefined {
    let ref = this.#siteRefs.get(site);
    if (ref === undefined) {
      const row = this.stmt('SELECT id FROM sync_sites WHERE site = ?').get(site) as { id: number } | undefined;
      if (!row) return undefined;
      ref = row.id;
      this.#siteRefs.set(site, ref);
      this.#siteIds.set(ref, site);
    }
    return ref;
  }

  ensureSite(site: string, office?: string | null): number {
    const existing = this.siteRef(site);
    if (existing !== undefined) {
      if (office) this.stmt('UPDATE sync_sites SET office = ? WHERE id = ? AND office IS NOT ?').run(office, existing, office);
      return existing;
    }
    const ref = Number(this.stmt('INSERT INTO sync_sites (site, office) VALUES (?, ?)').run(site, office ?? null).lastInsertRowid);
    this.#siteRefs.set(site, ref);
    this.#siteIds.set(ref, site);
    return ref;
  }

  /**
   * Forgets cached site numbers. A rolled-back insert frees its number for the next site, so anything
   * that may add sites starts with this.
   */
  forgetSites(): void {
    this.#siteIds.clear();
    this.#siteRefs.clear();
  }

  rid(entity: string, key: string): number | undefined {
    return (this.stmt('SELECT id FROM sync_rows WHERE entity = ? AND key = ?').get(entity, key) as { id: number } | undefined)?.id;
  }

  rowOf(rid: number): { entity: string; key: string; root: number } | undefined {
    return this.stmt('SELECT entity, key, root FROM sync_rows WHERE id = ?').get(rid) as { entity: string; key: string; root: number } | undefined;
  }

  /** The record's row number, created if new; a root (no owner) is its own root. */
  ensureRid(entity: string, key: string, ownerRoot: number | null): number {
    const found = this.rid(entity, key);
    if (found !== undefined) return found;
    const id = Number(this.stmt('INSERT INTO sync_rows (entity, key, root) VALUES (?, ?, ?)').run(entity, key, ownerRoot ?? 0).lastInsertRowid);
    if (ownerRoot === null) this.stmt('UPDATE sync_rows SET root = id WHERE id = ?').run(id);
    return id;
  }

  heads(rid: number): StoredOp[] {
    return this.stmt('SELECT * FROM sync_ops WHERE rid = ? AND state = 1').all(rid) as StoredOp[];
  }

  opsOf(rid: number): StoredOp[] {
    return this.stmt('SELECT * FROM sync_ops WHERE rid = ?').all(rid) as StoredOp[];
  }

  hasRowPurge(rid: number): boolean {
    return this.stmt("SELECT 1 FROM sync_ops WHERE rid = ? AND field = '$' AND purge = 1 LIMIT 1").get(rid) !== undefined;
  }

  opById(site: number, counter: number): StoredOp | undefined {
    return this.stmt('SELECT * FROM sync_ops WHERE site = ? AND counter = ?').get(site, counter) as StoredOp | undefined;
  }

  insertOp(op: Omit<StoredOp, 'id'>): number {
    return Number(
      this.stmt('INSERT INTO sync_ops (rid, field, site, counter, hlc, value, pred, purge, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        op.rid,
        op.field,
        op.site,
        op.counter,
        op.hlc,
        op.value,
        op.pred,
        op.purge,
        op.state,
      ).lastInsertRowid,
    );
  }

  setState(id: number, state: number, erase: boolean): void {
    if (erase) this.stmt('UPDATE sync_ops SET state = ?, value = NULL WHERE id = ?').run(state, id);
    else this.stmt('UPDATE sync_ops SET state = ? WHERE id = ?').run(state, id);
  }

  supersedeHeads(rid: number, field: string): void {
    this.stmt('UPDATE sync_ops SET state = 0 WHERE rid = ? AND field = ? AND state = 1').run(rid, field);
  }

  setConflict(rid: number, field: string, conflict: boolean, at: string): void {
    if (conflict) this.stmt('INSERT OR IGNORE INTO sync_conflicts (rid, field, detected_at) VALUES (?, ?, ?)').run(rid, field, at);
    else this.stmt('DELETE FROM sync_conflicts WHERE rid = ? AND field = ?').run(rid, field);
  }

  /** The version vector of everything held: the highest counter per site. */
  vector(): Record<string, number> {
    const vector: Record<string, number> = {};
    // One index lookup per site, never a scan of the log.
    for (const { id, site } of this.stmt('SELECT id, site FROM sync_sites').all() as { id: number; site: string }[]) {
      const top = (this.stmt('SELECT max(counter) AS n FROM sync_ops WHERE site = ?').get(id) as { n: number | null }).n;
      if (top !== null) vector[site] = top;
    }
    return vector;
  }
}

const stores = new WeakMap<Sqlite, SyncStore>();

export function syncStore(sqlite: Sqlite): SyncStore {
  let store = stores.get(sqlite);
  if (!store) {
    store = new SyncStore(sqlite);
    stores.set(sqlite, store);
  }
  return store;
}

export const encodePred = (pred: readonly { site: number; counter: number }[]) => pred.map((p) => `${p.site}:${p.counter}`).join(',');

export function decodePred(text: string): { site: number; counter: number }[] {
  if (text === '') return [];
  return text.split(',').map((part) => {
    const [site, counter] = part.split(':');
    return { site: Number(site), counter: Number(counter) };
  });
}
