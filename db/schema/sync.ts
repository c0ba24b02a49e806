import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * This office in the sync network: its keys (inside the encrypted vault, never exported), the site it
 * writes as now, and that site's counter and clock. One row.
 */
export const syncSelf = sqliteTable('sync_self', {
  id: integer('id').primaryKey(),
  /** Ed25519 secret key, hex. */
  signingSecret: text('signing_secret').notNull(),
  /** Ed25519 public key, hex. */
  signingKey: text('signing_key').notNull(),
  /** age X25519 identity (`AGE-SECRET-KEY-1…`). */
  ageIdentity: text('age_identity').notNull(),
  ageRecipient: text('age_recipient').notNull(),
  /** `sync_sites.id` of the site this vault writes as; a restored copy gets a new one. */
  siteRef: integer('site_ref').notNull(),
  /** The last counter the current site used. */
  counter: integer('counter').notNull().default(0),
  /** The hybrid logical clock's last value. */
  hlc: integer('hlc').notNull().default(0),
  createdAt: text('created_at').notNull(),
});

/** Every site this vault has heard of, numbered locally so operations stay small. */
export const syncSites = sqliteTable('sync_sites', {
  id: integer('id').primaryKey(),
  site: text('site').notNull().unique(),
  /** The office that writes as this site, as last reported. */
  office: text('office'),
});

/** Every synced record, by entity and key, with the record it belongs to (a case for its tags). */
export const syncRows = sqliteTable(
  'sync_rows',
  {
    id: integer('id').primaryKey(),
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    /** `sync_rows.id` of the record this one belongs to; its own id for a case or a person. */
    root: integer('root').notNull(),
  },
  (table) => [uniqueIndex('sync_rows_key').on(table.entity, table.key), index('sync_rows_root').on(table.root)],
);

/**
 * The operation log: one row per field-level operation, this office's and its partners'. The domain
 * tables are its materialised result.
 */
export const syncOps = sqliteTable(
  'sync_ops',
  {
    id: integer('id').primaryKey(),
    rid: integer('rid').notNull(),
    field: text('field').notNull(),
    site: integer('site').notNull(),
    counter: integer('counter').notNull(),
    hlc: integer('hlc').notNull(),
    /** Canonical JSON; null where the content is not held (erased by a purge, or received as a stub). */
    value: text('value'),
    /** The superseded operations, `siteRef:counter` separated by commas. */
    pred: text('pred').notNull().default(''),
    purge: integer('purge', { mode: 'boolean' }).notNull().default(false),
    /** 1 head, 0 superseded, 2 erased. */
    state: integer('state').notNull(),
  },
  (table) => [uniqueIndex('sync_ops_id').on(table.site, table.counter), index('sync_ops_row').on(table.rid, table.field, table.state)],
);

/** Fields whose heads disagree on a sensitive record, until someone resolves them. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    rid: integer('rid').notNull(),
    field: text('field').notNull(),
    detectedAt: text('detected_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.rid, table.field] })],
);

/** Records received whose parent (a case, a person) has not arrived yet; retried after each import. */
export const syncPending = sqliteTable('sync_pending', {
  rid: integer('rid').primaryKey(),
});

/** Partner offices this office trusts, each with its sharing policy and what each side has of the other. */
export const syncPartners = sqliteTable('sync_partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  signingKey: text('signing_key').notNull().unique(),
  ageRecipient: text('age_recipient').notNull(),
  fingerprint: text('fingerprint').notNull(),
  /** The site id on their card, if they came with one. */
  cardSite: text('card_site'),
  /** `SharingPolicy`, JSON. */
  policy: text('policy').notNull(),
  /** Version vector (JSON): what the partner reported holding of what we sent it; the next export starts there. */
  ack: text('ack').notNull().default('{}'),
  /** Version vector (JSON): what we hold of what the partner sent us; reported back in our bundles. */
  received: text('received').notNull().default('{}'),
  addedAt: text('added_at').notNull(),
  policyChangedAt: text('policy_changed_at').notNull(),
});

/** Bundle sequences: outgoing per (partner, our site), incoming per (partner, their site). */
export const syncStreams = sqliteTable(
  'sync_streams',
  {
    partnerId: text('partner_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    site: text('site').notNull(),
    lastSeq: integer('last_seq').notNull(),
    lastHash: text('last_hash').notNull(),
  },
  (table) => [primaryKey({ columns: [table.partnerId, table.direction, table.site] })],
);

/** Every bundle written or imported: for "last exchange" and for refusing a replay. */
export const syncBundles = sqliteTable(
  'sync_bundles',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    site: text('site').notNull(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    ops: integer('ops').notNull(),
    bytes: integer('bytes').notNull(),
    at: text('at').notNull(),
    /** JSON summary shown in the partner's history. */
    summary: text('summary').notNull().default('{}'),
  },
  (table) => [index('sync_bundles_partner').on(table.partnerId, table.direction, table.at)],
);

/**
 * The records (roots) each partner was sent whole, so that a record that leaves the partner's policy later —
 * its consent withdrawn — still tells the partner so: the withdrawal goes to those who hold the record.
 */
export const syncSent = sqliteTable(
  'sync_sent',
  {
    partnerId: text('partner_id').notNull(),
    rid: integer('rid').notNull(),
  },
  (table) => [primaryKey({ columns: [table.partnerId, table.rid] })],
);
