/**
 * Which tables sync, declared once per entity. Change capture (temporary triggers plus a diff at commit),
 * applying partners' operations, export filtering and purges all work from these declarations alone, so a
 * new table syncs by adding one declaration to `entities/index.ts` — no repository's write code changes,
 * and no write path can forget to record its operations. See docs/adr/009-change-capture.md.
 */
import type { z } from 'zod';
import type { OpValue } from '../../shared/sync/ops';
import type { SharingPolicy } from '../../shared/sync/policy';
import type { Sqlite } from '../connection';
import type { Db } from '../repositories/changes';

/** How a column's value becomes an operation's value and back. */
export type FieldKind = 'text' | 'nullableText' | 'bool' | 'int' | 'json';

export interface SyncedField {
  /** The field's name in operations and bundles: part of the format, never rename. */
  name: string;
  column: string;
  /** SQL reading the field when it is not just the column (evaluated against the table). */
  read?: string;
  kind: FieldKind;
  /** Validates a received value. */
  schema: z.ZodType;
  /** The value a record has while no operation gives one (after a purge); defaults per kind. */
  fallback?: OpValue;
  /** Written at creation only: a later change is refused, locally and from partners. */
  immutable?: boolean;
}

/** Another record named by one of this record's key parts or fields. */
export interface RecordRef {
  entity: string;
  keyPart?: number;
  field?: string;
}

export interface SyncContext {
  db: Db;
  sqlite: Sqlite;
  /** ISO time of the write or import. */
  now: string;
  /** While applying a bundle: the office it came from (a partner's copy of a record is marked with it). */
  from?: string;
}

/** Column values of a record being written from operations, by column name. */
export type ColumnValues = Record<string, unknown>;

export interface SyncedEntity {
  /** The entity's name in operations and bundles: part of the format, never rename. */
  name: string;
  table: string;
  /** Key columns (at most three); a composite key is written as a JSON array. */
  key: { column: string; schema: z.ZodType<string> }[];
  /** Synced fields. Every other column is local: kept as it is on update, filled by `newRowColumns` on insert. */
  fields: SyncedField[];
  /** The sharing-policy group that must be switched on for this entity to leave (`case`, `person`, …). */
  group: string;
  /** Concurrent different values on this entity's fields are flagged for a person to resolve. */
  sensitive: boolean;
  /** Records are written once: corrections are new records, so any change to a field is refused. */
  appendOnly?: boolean;
  /** The record this one belongs to, travels with and is shared with (a case for its tags). Absent: a root. */
  owner?: RecordRef;
  /** Records that must exist before this one can be written (its foreign keys). */
  requires?: RecordRef[];
  /** A file kept by content hash: the bytes travel beside the operations and are checked against the hash. */
  blob?: { column: string; hashField: string };
  /** Local columns of records created from operations (a local reference number, empty staff references). */
  newRowColumns?(ctx: SyncContext, rows: ColumnValues[]): ColumnValues[];
  /** Columns computed from synced fields (sort ranks, name keys), recomputed on every write from operations. */
  derive?(values: ColumnValues): ColumnValues;
  /** Which of these records a partner's policy lets go (roots; for others, an extra filter). */
  shared?(ctx: SyncContext, policy: SharingPolicy, keys: string[]): Set<string>;
  /** Roots: other root records that travel with these (a case's persons). */
  companions?(ctx: SyncContext, policy: SharingPolicy, keys: string[]): { entity: string; key: string }[];
  /** Roots: after partners' operations changed these records or records they own (search index, names). */
  afterApply?(ctx: SyncContext, keys: string[]): void;
  /** Roots: other roots whose `afterApply` must run too when these change (a person's name shows on cases). */
  affects?(ctx: SyncContext, keys: string[]): { entity: string; key: string }[];
  /**
   * Roots: what of this office's own keeps the record from being deleted (its aid ledger naming a person or a
   * case: ledger entries are never deleted), as a short description; null when nothing does.
   */
  keptBy?(ctx: SyncContext, key: string): string | null;
  /** Before these records are deleted by operations: remove what is local and depends on them. */
  beforeDelete?(ctx: SyncContext, keys: string[]): void;
  /** Roots: a column set to the time of every write from operations (the record's or a record it owns). */
  touchedAt?: string;
  /** Roots: the record has a history page (`changes`), where received changes and purges show. */
  history?: boolean;
  /** Roots: the field a person's consent to share lives in; its withdrawal still reaches partners holding the record. */
  consentField?: string;
  /** Roots: a short human label for conflict lists ("2026-00012 · Detention in Hrodna"). */
  label?(ctx: SyncContext, key: string): string | null;
}

export const MAX_KEY_PARTS = 3;

export const fallbackOf = (field: SyncedField): OpValue => {
  if (field.fallback !== undefined) return field.fallback;
  switch (field.kind) {
    case 'text':
      return '';
    case 'nullableText':
      return null;
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'json':
      return [];
  }
};

/** Column value → canonical JSON of the operation value. */
export function encodeColumn(field: SyncedField, value: unknown): string {
  switch (field.kind) {
    case 'text':
      return JSON.stringify(value === null || value === undefined ? '' : String(value));
    case 'nullableText':
      return value === null || value === undefined ? 'null' : JSON.stringify(String(value));
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return JSON.stringify(Number(value ?? 0));
    case 'json':
      return JSON.stringify(JSON.parse(typeof value === 'string' && value !== '' ? value : '[]'));
  }
}

export const encodeColumnFallback = (field: SyncedField): string => JSON.stringify(fallbackOf(field));

/** Canonical JSON of an operation value → the column value to store. */
export function decodeColumn(field: SyncedField, json: string): unknown {
  const value = JSON.parse(json) as unknown;
  switch (field.kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

export function keyOf(entity: SyncedEntity, parts: readonly unknown[]): string {
  return entity.key.length === 1 ? String(parts[0]) : JSON.stringify(parts.map(String));
}

/** The key's parts back from its string; null when it is not a well-formed key of this entity. */
export function keyParts(entity: SyncedEntity, key: string): string[] | null {
  if (entity.key.length === 1) return [key];
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== entity.key.length || !parsed.every((p) => typeof p === 'string')) return null;
  return parsed as string[];
}

export class Registry {
  readonly entities: readonly SyncedEntity[];
  readonly #byName = new Map<string, SyncedEntity>();

  constructor(entities: readonly SyncedEntity[]) {
    this.entities = entities;
    for (const entity of entities) {
      if (this.#byName.has(entity.name)) throw new Error(`Entity ${entity.name} is declared twice.`);
      if (entity.key.length === 0 || entity.key.length > MAX_KEY_PARTS) throw new Error(`Entity ${entity.name}: 1 to ${MAX_KEY_PARTS} key columns.`);
      if (entity.fields.some((f) => f.name === '$' || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(f.name))) throw new Error(`Entity ${entity.name}: bad field name.`);
      this.#byName.set(entity.name, entity);
    }
    for (const entity of entities) {
      for (const ref of [...(entity.owner ? [entity.owner] : []), ...(entity.requires ?? [])]) {
        const target = this.#byName.get(ref.entity);
        if (!target) throw new Error(`Entity ${entity.name} refers to undeclared ${ref.entity}.`);
        if (entities.indexOf(target) > entities.indexOf(entity)) throw new Error(`Entity ${ref.entity} must be declared before ${entity.name}.`);
        if (ref.field && !entity.fields.some((f) => f.name === ref.field)) throw new Error(`Entity ${entity.name}: no field ${ref.field}.`);
      }
      if (entity.owner && this.#byName.get(entity.owner.entity)?.owner) throw new Error(`Entity ${entity.name}: its owner must be a root.`);
    }
  }

  get(name: string): SyncedEntity | undefined {
    return this.#byName.get(name);
  }

  require(name: string): SyncedEntity {
    const entity = this.#byName.get(name);
    if (!entity) throw new Error(`No synced entity ${name}.`);
    return entity;
  }

  roots(): SyncedEntity[] {
    return this.entities.filter((e) => !e.owner);
  }
}

/** The key of the record `ref` names, from a record's key parts and field values. */
export function refKey(ref: RecordRef, parts: readonly string[], values: ReadonlyMap<string, string | undefined>): string | null {
  if (ref.keyPart !== undefined) return parts[ref.keyPart] ?? null;
  if (ref.field) {
    const json = values.get(ref.field);
    if (json === undefined) return null;
    const value = JSON.parse(json) as unknown;
    return typeof value === 'string' ? value : null;
  }
  return null;
}
