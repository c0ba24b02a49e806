/** Migration aid_views: saved views written before it are case views, and stay the owner's case views. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../db/connection';
import { deleteAidView, listAidViews, saveAidView } from '../../db/repositories/aid-views';
import { listViews } from '../../db/repositories/views';
import { builtInAidViews } from '../../shared/domain/aid-views';
import { unlockVault } from '../../db/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { OLD_ADMIN as ADMIN, OLD_AT as AT, vaultBeforeMigration } from '../fixtures/vault-before-migration';

afterEach(removeTempDirs);

const VIEW = '01900000-0000-7000-8000-0000000000b1';

/** A saved view as written before ledger views existed: no scope column. */
function seedView(db: Sqlite): void {
  db.prepare('INSERT INTO saved_views (id, owner_id, name, filter, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    VIEW,
    ADMIN,
    'Gomel torture',
    JSON.stringify({ region: ['gomel'], violation: ['torture'] }),
    JSON.stringify([{ field: 'updatedAt', direction: 'desc' }]),
    AT,
  );
}

describe('upgrading to ledger views', () => {
  it('keeps earlier saved views as case views, apart from the ledger views', async () => {
    const dir = tempDir();
    await vaultBeforeMigration(dir, '_aid_views', seedView);
    const vault = await unlockVault(dir, PASSPHRASE, { kdfTargetMs: 0 });
    expect(vault.sqlite.prepare('SELECT scope FROM saved_views WHERE id = ?').get(VIEW)).toEqual({ scope: 'cases' });
    expect(listViews(vault.orm, ADMIN).find((v) => v.id === VIEW)).toEqual({
      id: VIEW,
      name: 'Gomel torture',
      filter: { region: ['gomel'], violation: ['torture'] },
      sort: [{ field: 'updatedAt', direction: 'desc' }],
      builtIn: false,
    });
    expect(listAidViews(vault.orm, ADMIN)).toEqual(builtInAidViews);
    expect(() => deleteAidView(vault.orm, ADMIN, VIEW)).toThrow(/No such saved ledger view/);
    // A ledger view may take a name a case view already has: the two lists are separate.
    saveAidView(vault.orm, ADMIN, { name: 'Gomel torture', filter: { status: ['paid'] }, sort: [] }, AT);
    expect(listAidViews(vault.orm, ADMIN).map((v) => v.name).at(-1)).toBe('Gomel torture');
    expect(listViews(vault.orm, ADMIN).filter((v) => !v.builtIn)).toHaveLength(1);
    vault.close();
  });
});
