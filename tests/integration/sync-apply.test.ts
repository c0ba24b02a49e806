import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { applyOps } from '../../db/sync/apply';
import { captureChanges } from '../../db/sync/capture';
import { selectForPartner } from '../../db/sync/select';
import { defaultPolicy } from '../../shared/sync/policy';
import type { OpenVault } from '../../db/vault';
import { call, testPlatform } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { withVault } from '../fixtures/sync';

afterEach(removeTempDirs);

async function office(name: string) {
  const dir = join(tempDir(), 'vault');
  const { platform } = testPlatform(dir);
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: name, user: 'Admin', passphrase: PASSPHRASE });
  return { dir, backend };
}

const ctx = (vault: OpenVault) => ({ db: vault.orm, sqlite: vault.sqlite, now: '2026-11-24T10:00:00.000Z' });

describe('applying operations', () => {
  it('materialises a partner case with its person, tags and a local reference', async () => {
    const a = await office('Viasna');
    const b = await office('Zhodzina');
    const created = await call(a.backend, 'cases.create', {
      title: 'Detention at the vigil',
      personName: 'Алесь Бяляцкі',
      region: 'grodno',
      priority: 'urgent',
      violations: ['detention'],
      tags: ['vigil'],
      consentShare: true,
    });
    await call(a.backend, 'cases.create', { title: 'Not for partners', personName: 'Марфа Рабкова', region: 'minsk', priority: 'low' });
    a.backend.lockNow('user');
    const selection = await withVault(a.dir, (vault) => selectForPartner(ctx(vault), defaultPolicy, {}, new Set()));
    expect(selection.records).toMatchObject({ case: 1, person: 1, casePerson: 1, caseTag: 1, caseViolation: 1 });
    b.backend.lockNow('user');
    const report = await withVault(b.dir, (vault) => vault.orm.transaction(() => {
      const r = applyOps(ctx(vault), selection.ops, selection.blobs, selection.offices);
      // Writing the received records back into the tables is no new change of ours.
      expect(captureChanges(vault.sqlite, new Date())).toBe(0);
      return r;
    }));
    expect(report.rows).toMatchObject({ case: { created: 1 }, person: { created: 1 }, casePerson: { created: 1 } });
    await call(b.backend, 'vault.unlock', { passphrase: PASSPHRASE });
    const page = await call(b.backend, 'cases.list', { filter: { search: 'Bialiatski' } });
    expect(page.rows).toHaveLength(1);
    const detail = await call(b.backend, 'cases.get', { id: created.id });
    expect(detail).toMatchObject({ title: 'Detention at the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', violations: ['detention'], tags: ['vigil'], consentShare: true, assignee: null });
    expect(detail.reference).toMatch(/^\d{4}-00001$/);
  });
});

describe('the search rows of received cases', () => {
  it('are what the case repository writes', async () => {
    const { refreshCaseSearch, refreshPersonSearch } = await import('../../db/sync/entities/case-index');
    const a = await office('Viasna');
    const witness = await call(a.backend, 'persons.create', { givenName: 'Марфа', familyName: 'Рабкова' });
    const created = await call(a.backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', tags: ['vigil', 'hrodna'], articles: ['342', '361-1'], locality: 'Hrodna', sentence: '3 years', summary: 'Held at Akrestsina' });
    await call(a.backend, 'cases.linkPerson', { caseId: created.id, personId: witness.id, role: 'witness' });
    await call(a.backend, 'cases.addNote', { caseId: created.id, body: 'Lawyer visited' });
    a.backend.lockNow('user');
    await withVault(a.dir, (vault) => {
      // The same words, whatever order the rows came in (search matches words, not their order).
      const row = () => {
        const found = vault.sqlite.prepare("SELECT c.person_name AS name, i.body, i.keys FROM cases c JOIN search_docs d ON d.entity = 'case' AND d.row_id = c.id JOIN search_index i ON i.rowid = d.docid WHERE c.id = ?").get(created.id) as { name: string; body: string; keys: string };
        return { name: found.name, body: found.body.split(/\s+/).sort(), keys: found.keys.split(' ').sort() };
      };
      const written = row();
      vault.sqlite.prepare("UPDATE cases SET person_name = 'x' WHERE id = ?").run(created.id);
      vault.sqlite.prepare("DELETE FROM search_index WHERE rowid = (SELECT docid FROM search_docs WHERE entity = 'case' AND row_id = ?)").run(created.id);
      refreshCaseSearch(vault.sqlite, created.id);
      expect(row()).toEqual(written);
      const personRow = () => vault.sqlite.prepare("SELECT i.body, i.keys FROM search_docs d JOIN search_index i ON i.rowid = d.docid WHERE d.entity = 'person' AND d.row_id = ?").get(witness.id);
      const person = personRow();
      vault.sqlite.prepare("DELETE FROM search_index WHERE rowid = (SELECT docid FROM search_docs WHERE entity = 'person' AND row_id = ?)").run(witness.id);
      refreshPersonSearch(vault.sqlite, witness.id);
      expect(personRow()).toEqual(person);
    });
  });
});
