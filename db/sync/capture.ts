/**
 * Change capture. Temporary triggers (in memory, on this connection only) note the key of every row a
 * write touches in a synced table; at the end of the write's transaction `captureChanges` compares each
 * touched row with what the operation log says it holds, and records one operation per differing field,
 * stamped with the site's next counters and one clock value, superseding the heads it saw. Any write path
 * — a repository, a data upgrade, applying a partner's bundle — is covered, because the diff is of rows,
 * not of calls.
 */
import { AppError } from '../../shared/errors';
import { nextHlc } from '../../shared/sync/hlc';
import { EXISTS_FIELD } from '../../shared/sync/ops';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../connection';
import { registry } from './entities';
import { encodeColumn, encodeColumnFallback, keyOf, refKey, type SyncedEntity } from './registry';
import { encodePred, STATE_HEAD, syncStore, type StoredOp, type SyncStore } from './store';

const TOUCHED = 'sync_touched';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the in-memory table of touched keys and the triggers that fill it; once per connection. */
export function installCapture(sqlite: Sqlite): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${TOUCHED} (entity TEXT NOT NULL, k1 ANY NOT NULL, k2 ANY NOT NULL, k3 ANY NOT NULL, UNIQUE (entity, k1, k2, k3))`);
  for (const entity of registry.entities) {
    const keys = (prefix: string) => [0, 1, 2].map((i) => (entity.key[i] ? `${prefix}.${quote(entity.key[i]!.column)}` : "''")).join(', ');
    const note = (prefix: string) => `INSERT OR IGNORE INTO temp.${TOUCHED} VALUES ('${entity.name}', ${keys(prefix)});`;
    const columns = [...entity.key.map((k) => k.column), ...entity.fields.map((f) => f.column), ...(entity.blob ? [entity.blob.column] : [])];
    const base = `sync_${entity.table}`;
    sqlite.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${base}_insert AFTER INSERT ON main.${quote(entity.table)} BEGIN ${note('NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${base}_update AFTER UPDATE OF ${[...new Set(columns)].map(quote).join(', ')} ON main.${quote(entity.table)} BEGIN ${note('OLD')} ${note('NEW')} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${base}_delete AFTER DELETE ON main.${quote(entity.table)} BEGIN ${note('OLD')} END;
    `);
  }
}

/** Marks every row of an entity as touched: the first capture of an existing vault's records. */
export function touchAll(sqlite: Sqlite, entity: SyncedEntity): void {
  const keys = [0, 1, 2].map((i) => (entity.key[i] ? quote(entity.key[i]!.column) : "''")).join(', ');
  sqlite.prepare(`INSERT OR IGNORE INTO temp.${TOUCHED} SELECT ?, ${keys} FROM main.${quote(entity.table)}`).run(entity.name);
}

const selects = new WeakMap<SyncedEntity, string>();

/** The statement reading a row's synced fields (`f0`, `f1`, …) by its key. */
export function selectSql(entity: SyncedEntity): string {
  const cached = selects.get(entity);
  if (cached) return cached;
  const fields = entity.fields.map((f, i) => `${f.read ?? quote(f.column)} AS f${i}`);
  const where = entity.key.map((k) => `${quote(k.column)} = ?`).join(' AND ');
  const sql = `SELECT ${['1 AS present', ...fields].join(', ')} FROM main.${quote(entity.table)} WHERE ${where}`;
  selects.set(entity, sql);
  return sql;
}

interface PlannedOp {
  field: string;
  value: string;
}

class OpWriter {
  counter: number;
  written = 0;

  constructor(
    readonly store: SyncStore,
    readonly siteRef: number,
    start: number,
    readonly hlc: number,
  ) {
    this.counter = start;
  }

  write(rid: number, field: string, value: string, pred: StoredOp[], purge = false): StoredOp {
    this.counter += 1;
    this.written += 1;
    const op = { rid, field, site: this.siteRef, counter: this.counter, hlc: this.hlc, value, pred: encodePred(pred), purge: purge ? 1 : 0, state: STATE_HEAD };
    if (pred.some((p) => p.field === field)) this.store.supersedeHeads(rid, field);
    const id = this.store.insertOp(op);
    return { id, ...op };
  }
}

function winnerValue(heads: StoredOp[] | undefined, siteIdOf: (ref: number) => string): string | null | undefined {
  if (!heads || heads.length === 0) return undefined;
  let best = heads[0]!;
  for (const op of heads) {
    if (op.hlc > best.hlc || (op.hlc === best.hlc && (siteIdOf(op.site) > siteIdOf(best.site) || (op.site === best.site && op.counter > best.counter)))) best = op;
  }
  return best.value;
}

function captureRow(writer: OpWriter, entity: SyncedEntity, parts: unknown[], select: Statement): void {
  const { store } = writer;
  const key = keyOf(entity, parts);
  const domain = select.get(...parts) as Record<string, unknown> | undefined;
  let rid = store.rid(entity.name, key);
  if (rid === undefined && !domain) return;
  const heads = rid === undefined ? [] : store.heads(rid);
  const byField = new Map<string, StoredOp[]>();
  for (const head of heads) {
    const list = byField.get(head.field);
    if (list) list.push(head);
    else byField.set(head.field, [head]);
  }
  const siteIdOf = (ref: number) => store.siteId(ref);
  const exists = winnerValue(byField.get(EXISTS_FIELD), siteIdOf) === 'true';
  const planned: PlannedOp[] = [];
  if (!domain) {
    if (exists) planned.push({ field: EXISTS_FIELD, value: 'false' });
  } else {
    const isNew = rid === undefined;
    if (!exists) planned.push({ field: EXISTS_FIELD, value: 'true' });
    entity.fields.forEach((field, i) => {
      const current = encodeColumn(field, domain[`f${i}`]);
      const known = winnerValue(byField.get(field.name), siteIdOf);
      if (known === current) return;
      // A field with no value known here (erased by a purge) that still shows its fallback is unchanged.
      if (!isNew && exists && (known === undefined || known === null) && current === encodeColumnFallback(field)) return;
      if (!isNew && exists && (entity.appendOnly || field.immutable) && known !== undefined) {
        throw new AppError('VALIDATION', `${entity.name}.${field.name}: is written once and cannot be changed`);
      }
      planned.push({ field: field.name, value: current });
    });
  }
  if (planned.length === 0) return;
  if (rid === undefined) rid = store.ensureRid(entity.name, key, ownerRoot(store, entity, parts.map(String), planned));
  // After a purge of the whole record, new values must show they saw it, or the purge would erase them.
  const purged = heads.length > 0 && store.hasRowPurge(rid);
  let existsHeads = byField.get(EXISTS_FIELD) ?? [];
  for (const op of planned) {
    const pred = [...(byField.get(op.field) ?? [])];
    if (purged && op.field !== EXISTS_FIELD) pred.push(...existsHeads);
    const written = writer.write(rid, op.field, op.value, pred);
    store.setConflict(rid, op.field, false, '');
    if (op.field === EXISTS_FIELD) existsHeads = [written];
  }
}

function ownerRoot(store: SyncStore, entity: SyncedEntity, parts: string[], planned: PlannedOp[]): number | null {
  if (!entity.owner) return null;
  const values = new Map(planned.map((p) => [p.field, p.value]));
  const ownerKey = refKey(entity.owner, parts, values);
  if (ownerKey === null) throw new AppError('INTERNAL', `${entity.name}: no owner for a new record.`);
  const ownerRid = store.ensureRid(entity.owner.entity, ownerKey, null);
  return store.rowOf(ownerRid)!.root;
}

/**
 * Records the operations of every row touched since the last capture; runs inside the write's
 * transaction. Returns how many operations it wrote.
 */
export function captureChanges(sqlite: Sqlite, now: Date): number {
  const store = syncStore(sqlite);
  const self = store.self();
  // Before the vault has its sync identity (the first moments of creation) nothing is recorded yet.
  if (!self) return 0;
  const touched = store.stmt(`SELECT entity, k1, k2, k3 FROM temp.${TOUCHED}`).all() as { entity: string; k1: unknown; k2: unknown; k3: unknown }[];
  if (touched.length === 0) return 0;
  store.stmt(`DELETE FROM temp.${TOUCHED}`).run();
  const writer = new OpWriter(store, self.siteRef, self.counter, nextHlc(self.hlc, now.getTime()));
  const byEntity = new Map<string, unknown[][]>();
  for (const row of touched) {
    const list = byEntity.get(row.entity);
    if (list) list.push([row.k1, row.k2, row.k3]);
    else byEntity.set(row.entity, [[row.k1, row.k2, row.k3]]);
  }
  for (const entity of registry.entities) {
    const rows = byEntity.get(entity.name);
    if (!rows) continue;
    const select = store.stmt(selectSql(entity));
    for (const parts of rows) captureRow(writer, entity, parts.slice(0, entity.key.length), select);
  }
  if (writer.written > 0) store.saveSelf(writer.counter, writer.hlc);
  return writer.written;
}
