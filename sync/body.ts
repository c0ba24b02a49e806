/**
 * The body of a bundle: its operations in columns (small integers and deltas compress far better than
 * one object per operation), as JSON, compressed with Brotli. Decoding checks every index and number,
 * so what comes out is well-formed; what the values mean is checked against the registry afterwards.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { AppError } from '../shared/errors';
import { isOpValue, siteIdSchema, type OpValue, type SyncOp } from '../shared/sync/ops';

export const MAX_BODY_BYTES = 512 * 1024 * 1024;
export const MAX_OPS = 5_000_000;

export interface BodyV1 {
  sites: string[];
  /** Office name per site index, where known. */
  offices: (string | null)[];
  entities: string[];
  fields: string[];
  /** [entity index, key] per record. */
  rows: [number, string][];
  site: number[];
  /** Per operation: its counter minus the previous counter of the same site. */
  counter: number[];
  /** Per operation: its clock minus the previous operation's. */
  hlc: number[];
  /** Per operation: its record index minus the previous operation's. */
  row: number[];
  field: number[];
  /** Bit 0: purge; bit 1: a value follows in `values`. */
  flags: number[];
  values: OpValue[];
  /** Per operation: the number of superseded operations, then per one its site index and how far its counter is below this one's. */
  pred: number[];
}

function indexer() {
  const index = new Map<string, number>();
  const list: string[] = [];
  return {
    list,
    of(value: string): number {
      let i = index.get(value);
      if (i === undefined) {
        i = list.length;
        list.push(value);
        index.set(value, i);
      }
      return i;
    },
  };
}

export function encodeBody(ops: readonly SyncOp[], offices: Readonly<Record<string, string>>): Buffer {
  const sorted = [...ops].sort((a, b) => (a.site === b.site ? a.counter - b.counter : a.site < b.site ? -1 : 1));
  const sites = indexer();
  const entities = indexer();
  const fields = indexer();
  const rows = indexer();
  const rowList: [number, string][] = [];
  const body: BodyV1 = { sites: sites.list, offices: [], entities: entities.list, fields: fields.list, rows: rowList, site: [], counter: [], hlc: [], row: [], field: [], flags: [], values: [], pred: [] };
  const lastCounter = new Map<string, number>();
  let lastHlc = 0;
  let lastRow = 0;
  for (const op of sorted) {
    const rowKey = `${op.entity}\u0000${op.row}`;
    const before = rows.list.length;
    const row = rows.of(rowKey);
    if (rows.list.length > before) rowList.push([entities.of(op.entity), op.row]);
    body.site.push(sites.of(op.site));
    body.counter.push(op.counter - (lastCounter.get(op.site) ?? 0));
    lastCounter.set(op.site, op.counter);
    body.hlc.push(op.hlc - lastHlc);
    lastHlc = op.hlc;
    body.row.push(row - lastRow);
    lastRow = row;
    body.field.push(fields.of(op.field));
    body.flags.push((op.purge ? 1 : 0) | (op.value !== undefined ? 2 : 0));
    if (op.value !== undefined) body.values.push(JSON.parse(op.value) as OpValue);
    body.pred.push(op.pred.length);
    for (const p of op.pred) body.pred.push(sites.of(p.site), op.counter - p.counter);
  }
  body.offices = sites.list.map((site) => offices[site] ?? null);
  return brotliCompressSync(Buffer.from(JSON.stringify(body)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });
}

const bad = (what: string): never => {
  throw new AppError('BUNDLE_FORMAT', `The bundle body is malformed: ${what}.`);
};

function intArray(value: unknown, name: string, length?: number): number[] {
  if (!Array.isArray(value)) return bad(`${name} is not a list`);
  if (length !== undefined && value.length !== length) bad(`${name} has ${value.length} entries, not ${length}`);
  for (const n of value) if (!Number.isSafeInteger(n)) bad(`${name} holds a value that is not a whole number`);
  return value as number[];
}

function stringArray(value: unknown, name: string, max: number): string[] {
  if (!Array.isArray(value) || value.length > max) return bad(`${name} is not a list of at most ${max}`);
  for (const s of value) if (typeof s !== 'string' || s.length > 1000) bad(`${name} holds something that is not a short text`);
  return value as string[];
}

const inRange = (i: number, length: number, name: string) => {
  if (i < 0 || i >= length) bad(`${name} index ${i} is out of range`);
  return i;
};

export interface DecodedBody {
  ops: SyncOp[];
  offices: Record<string, string>;
}

export function decodeBody(compressed: Uint8Array, expectedOps: number): DecodedBody {
  let text: string;
  try {
    text = brotliDecompressSync(compressed, { maxOutputLength: MAX_BODY_BYTES }).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('BUNDLE_TOO_LARGE', 'The bundle body expands beyond what an import may hold.');
    return bad('it does not decompress');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bad('it is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('it is not an object');
  const b = raw as Record<string, unknown>;
  const known = ['sites', 'offices', 'entities', 'fields', 'rows', 'site', 'counter', 'hlc', 'row', 'field', 'flags', 'values', 'pred'];
  for (const key of Object.keys(b)) if (!known.includes(key)) bad(`unknown part ${key.slice(0, 40)}`);
  const sites = stringArray(b.sites, 'sites', 100_000);
  for (const site of sites) if (!siteIdSchema.safeParse(site).success) bad('a site id is malformed');
  if (new Set(sites).size !== sites.length) bad('a site is listed twice');
  if (!Array.isArray(b.offices) || b.offices.length !== sites.length) bad('offices do not match sites');
  const offices: Record<string, string> = {};
  (b.offices as unknown[]).forEach((office, i) => {
    if (office === null) return;
    if (typeof office !== 'string' || office.length > 200) bad('an office name is malformed');
    offices[sites[i]!] = office as string;
  });
  const entities = stringArray(b.entities, 'entities', 1000);
  const fields = stringArray(b.fields, 'fields', 10_000);
  if (!Array.isArray(b.rows) || b.rows.length > MAX_OPS) bad('rows is not a list');
  const rows = (b.rows as unknown[]).map((row) => {
    if (!Array.isArray(row) || row.length !== 2 || typeof row[1] !== 'string' || row[1].length > 1000 || !Number.isSafeInteger(row[0])) bad('a record reference is malformed');
    const [entity, key] = row as [number, string];
    return { entity: entities[inRange(entity, entities.length, 'entity')]!, key };
  });
  const count = expectedOps;
  if (count > MAX_OPS) bad('too many operations');
  const site = intArray(b.site, 'site', count);
  const counter = intArray(b.counter, 'counter', count);
  const hlc = intArray(b.hlc, 'hlc', count);
  const row = intArray(b.row, 'row', count);
  const field = intArray(b.field, 'field', count);
  const flags = intArray(b.flags, 'flags', count);
  const pred = intArray(b.pred, 'pred');
  if (!Array.isArray(b.values)) return bad('values is not a list');
  const values = b.values as unknown[];
  const ops: SyncOp[] = [];
  const lastCounter = new Map<number, number>();
  let lastHlc = 0;
  let lastRow = 0;
  let valueAt = 0;
  let predAt = 0;
  for (let i = 0; i < count; i += 1) {
    const s = inRange(site[i]!, sites.length, 'site');
    const c = (lastCounter.get(s) ?? 0) + counter[i]!;
    if (counter[i]! < 1 || !Number.isSafeInteger(c)) bad('counters do not increase');
    lastCounter.set(s, c);
    const h = lastHlc + hlc[i]!;
    if (!Number.isSafeInteger(h) || h < 0) bad('a clock value is out of range');
    lastHlc = h;
    const r = inRange(lastRow + row[i]!, rows.length, 'record');
    lastRow = r;
    const f = fields[inRange(field[i]!, fields.length, 'field')]!;
    const flag = flags[i]!;
    if (flag < 0 || flag > 3) bad('flags are out of range');
    let value: string | undefined;
    if (flag & 2) {
      if (valueAt >= values.length) bad('values run out');
      const v = values[valueAt++];
      if (!isOpValue(v)) bad('a value is neither a plain value nor a list of them');
      value = JSON.stringify(v);
    }
    if (predAt >= pred.length) bad('pred runs out');
    const n = pred[predAt++]!;
    if (n < 0 || n > 64 || predAt + 2 * n > pred.length) bad('pred is malformed');
    const p = [];
    for (let j = 0; j < n; j += 1) {
      const ps = inRange(pred[predAt++]!, sites.length, 'pred site');
      const pc = c - pred[predAt++]!;
      if (pc < 1 || pc > Number.MAX_SAFE_INTEGER) bad('a superseded operation id is out of range');
      p.push({ site: sites[ps]!, counter: pc });
    }
    ops.push({ site: sites[s]!, counter: c, hlc: h, entity: rows[r]!.entity, row: rows[r]!.key, field: f, value, pred: p, purge: (flag & 1) === 1 });
  }
  if (valueAt !== values.length) bad('there are more values than operations carry');
  if (predAt !== pred.length) bad('pred has more entries than operations');
  return { ops, offices };
}
