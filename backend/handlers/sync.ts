import { v7 as uuidv7 } from 'uuid';
import type { Handlers } from '../../shared/api';
import type { PartnerRecord } from '../../shared/domain/sync';
import { officeFingerprint } from '../../shared/sync/fingerprint';
import { defaultPolicy } from '../../shared/sync/policy';
import { AppError } from '../../shared/errors';
import { listConflicts, resolveConflict } from '../../db/sync/conflicts';
import { caseOrigin } from '../../db/sync/origin';
import { loadIdentity, loadSecrets } from '../../db/sync/identity';
import { exchangeInfo, findPartner, insertPartner, listPartners, partnerSites, removePartner, setPolicy, type PartnerRow } from '../../db/sync/partners';
import { purgeField, purgeRecord } from '../../db/sync/purge';
import { checkAgeRecipient, makeCard, parseCard, parseSigningKey } from '../../sync/card';
import { commitExport, prepareExport, previewExport } from '../../sync/export';
import { applyBundle, openBundle } from '../../sync/import';
import type { BackendContext } from '../context';

export function syncHandlers(context: BackendContext) {
  const { platform, session } = context;
  const vault = () => session.require();
  const ctx = (db = vault().orm) => ({ db, sqlite: vault().sqlite, now: platform.now().toISOString() });
  const toRecord = (row: PartnerRow): PartnerRecord => {
    const sites = [...partnerSites(vault().sqlite, row)];
    return {
      id: row.id,
      name: row.name,
      fingerprint: row.fingerprint,
      signingKey: row.signingKey,
      ageRecipient: row.ageRecipient,
      siteId: sites.at(-1) ?? null,
      policy: row.policy,
      addedAt: row.addedAt,
      lastExport: exchangeInfo(vault().sqlite, row.id, 'out'),
      lastImport: exchangeInfo(vault().sqlite, row.id, 'in'),
    };
  };
  const requireFiles = () => {
    if (!platform.saveFile) throw new AppError('FORBIDDEN', 'This front end cannot write files.');
    return platform.saveFile;
  };

  return {
    'sync.identity': () => loadIdentity(vault().sqlite, vault().officeName),
    'sync.saveCard': async () => {
      const saveFile = requireFiles();
      const open = vault();
      const identity = loadIdentity(open.sqlite, open.officeName);
      const secrets = loadSecrets(open.sqlite);
      let card: string;
      try {
        card = makeCard(identity, secrets.signingSecret, platform.now());
      } finally {
        secrets.signingSecret.fill(0);
      }
      const fileName = 'caseboard-office-card.json';
      const path = await saveFile(fileName, new TextEncoder().encode(card));
      return { path, fileName };
    },
    'partners.list': () => listPartners(vault().sqlite).map(toRecord),
    'partners.previewCard': ({ card }) => {
      const parsed = parseCard(new TextEncoder().encode(card));
      return { office: parsed.office, siteId: parsed.siteId, fingerprint: parsed.fingerprint, signingKey: parsed.signingKey, ageRecipient: parsed.ageRecipient };
    },
    'partners.add': (input) => {
      const open = vault();
      const own = loadIdentity(open.sqlite, open.officeName);
      let details: { name: string; signingKey: string; ageRecipient: string; cardSite: string | null };
      if ('card' in input) {
        const card = parseCard(new TextEncoder().encode(input.card));
        details = { name: input.name ?? card.office, signingKey: card.signingKey, ageRecipient: card.ageRecipient, cardSite: card.siteId };
      } else {
        checkAgeRecipient(input.ageRecipient, 'VALIDATION');
        details = { name: input.name, signingKey: parseSigningKey(input.signingKey), ageRecipient: input.ageRecipient, cardSite: null };
      }
      if (details.signingKey === own.signingKey) throw new AppError('VALIDATION', 'card: this is this office’s own card');
      const id = uuidv7();
      const fingerprint = officeFingerprint(details.signingKey, details.ageRecipient);
      const at = platform.now().toISOString();
      context.write(() => insertPartner(open.sqlite, { id, ...details, fingerprint, policy: defaultPolicy, addedAt: at }), {
        entity: 'partner',
        ids: [id],
        before: null,
        after: { name: details.name, fingerprint },
      });
      return toRecord(findPartner(open.sqlite, id));
    },
    'partners.setPolicy': ({ id, policy }) => {
      const open = vault();
      const before = findPartner(open.sqlite, id);
      context.write(() => setPolicy(open.sqlite, id, policy, platform.now().toISOString()), { entity: 'partner', ids: [id], before: before.policy, after: policy });
      return toRecord(findPartner(open.sqlite, id));
    },
    'partners.remove': ({ id }) => {
      const open = vault();
      const partner = findPartner(open.sqlite, id);
      context.write(() => removePartner(open.sqlite, id), { entity: 'partner', ids: [id], before: { name: partner.name, fingerprint: partner.fingerprint }, after: null });
      return { removed: true as const };
    },
    'sync.exportPreview': ({ partner }) => previewExport(vault(), partner, platform.now()),
    'sync.export': async ({ partner }) => {
      const saveFile = requireFiles();
      const open = vault();
      const prepared = await prepareExport(open, partner, platform.now());
      const path = await saveFile(prepared.fileName, prepared.bytes);
      if (path) {
        context.write(() => commitExport(open, prepared), {
          entity: 'sync-export',
          ids: [prepared.record.id, prepared.summary.partner.id],
          before: null,
          after: { ops: prepared.summary.ops, records: prepared.summary.records },
        });
      }
      return { path, summary: prepared.summary };
    },
    'sync.import': async ({ dataBase64 }) => {
      const open = vault();
      const opened = await openBundle(open, Buffer.from(dataBase64, 'base64'));
      return context.write(
        (tx) => applyBundle(open, tx, opened, platform.now()),
        (summary) => ({ entity: 'sync-import', ids: [summary.bundleId, summary.partner.id], before: null, after: { ops: summary.ops, applied: summary.applied, records: summary.records } }),
      );
    },
    'sync.caseOrigin': ({ id }) => ({ origin: caseOrigin(vault().sqlite, id) }),
    'conflicts.list': () => listConflicts(ctx()),
    'conflicts.resolve': ({ id, choice }) => {
      context.write(
        (tx) => resolveConflict(ctx(tx), id, choice, platform.now()),
        (conflict) => ({ entity: 'conflict', ids: [conflict.key], before: conflict.values.map((v) => v.value), after: conflict.values[choice]?.value ?? null }),
      );
      return { resolved: true as const };
    },
    'records.purge': ({ entity, id, field, replacement }) => {
      const purged = context.write(
        (tx) => {
          if (field === undefined) return purgeRecord(ctx(tx), entity, id, platform.now());
          purgeField(ctx(tx), entity, id, field, replacement, platform.now());
          return 1;
        },
        // The audit log says what was purged, never what it held.
        { entity: `purge-${entity}`, ids: [id], before: null, after: { field: field ?? null } },
      );
      // Old pages of the database may still hold the erased values inside the WAL: fold it in now.
      vault().sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return { purged };
    },
  } satisfies Pick<
    Handlers,
    | 'sync.identity'
    | 'sync.saveCard'
    | 'partners.list'
    | 'partners.previewCard'
    | 'partners.add'
    | 'partners.setPolicy'
    | 'partners.remove'
    | 'sync.exportPreview'
    | 'sync.export'
    | 'sync.import'
    | 'sync.caseOrigin'
    | 'conflicts.list'
    | 'conflicts.resolve'
    | 'records.purge'
  >;
}
