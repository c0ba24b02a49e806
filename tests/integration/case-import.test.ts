/**
 * Creating many cases at once through the fast path (prepared statements, one transaction): imported
 * statuses with their history and reason, all rows or none, one audit entry for the whole write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { call, newBackend } from '../fixtures/backend';
import { PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';

afterEach(removeTempDirs);

async function office() {
  const made = newBackend(tempDir());
  const info = await call(made.backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  return { ...made, adminId: info.user.id };
}

const csvFile = (rows: string[][]) => ({
  fileName: 'register.csv',
  dataBase64: Buffer.from(Papa.unparse({ fields: ['Title', 'Person', 'Region', 'Status', 'Violations', 'Tags', 'Event date'], data: rows })).toString('base64'),
});

describe('importing cases', () => {
  it('gives each case the status its row names, recorded as a move from new with the reason, under one audit entry', async () => {
    const { backend } = await office();
    const { ids } = await call(
      backend,
      'cases.import',
      csvFile([
        ['Detention at the vigil', 'Алесь Бяляцкі', 'grodno', 'closed', 'detention; torture', 'Vigil', '2021-07'],
        ['Search of the flat', 'Марфа Рабкова', 'minsk-city', 'open', 'search', '', ''],
        ['Fine for a flag', 'Ihar Losik', 'brest', '', 'fine', 'flag; Vigil', '2020'],
      ]),
    );
    expect(ids).toHaveLength(3);
    const records = await Promise.all(ids.map((id) => call(backend, 'cases.get', { id })));
    expect(records.map((r) => [r.status, r.statusReason, r.region, r.violations, r.tags])).toEqual([
      ['closed', 'Imported from a spreadsheet', 'grodno', ['detention', 'torture'], ['vigil']],
      ['open', 'Imported from a spreadsheet', 'minsk-city', ['search'], []],
      ['new', '', 'brest', ['fine'], ['flag', 'vigil']],
    ]);
    const history = await call(backend, 'cases.history', { id: ids[0]! });
    expect(history.map((h) => [h.field, h.before, h.after])).toEqual([
      ['created', null, expect.objectContaining({ title: 'Detention at the vigil', personName: 'Алесь Бяляцкі' })],
      ['status', 'new', 'closed'],
    ]);
    expect((await call(backend, 'cases.history', { id: ids[2]! })).map((h) => h.field)).toEqual(['created']);
    // Filters read the copies the import wrote (violation bits, tags) and search finds the persons.
    const list = async (filter: object) => (await call(backend, 'cases.list', { filter })).rows.map((r) => r.title).sort();
    expect(await list({ violation: ['torture'] })).toEqual(['Detention at the vigil']);
    expect(await list({ tag: 'vigil' })).toEqual(['Detention at the vigil', 'Fine for a flag']);
    expect(await list({ status: ['open', 'closed'] })).toEqual(['Detention at the vigil', 'Search of the flat']);
    expect(await list({ search: 'Bialiatski' })).toEqual(['Detention at the vigil']);
    const audit = await call(backend, 'audit.list', { offset: 0, limit: 10 });
    const entry = audit.rows.find((r) => r.method === 'cases.import');
    expect(entry?.ids).toEqual(expect.arrayContaining(ids));
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true });
  });

  it('writes nothing when one case of many fails, and says which', async () => {
    const { backend, adminId } = await office();
    const good = { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent', assigneeId: adminId } as const;
    const before = await call(backend, 'audit.list', { offset: 0, limit: 100 });
    const refused = await backend.invoke('cases.createMany', {
      cases: [good, { ...good, title: 'Second' }, { ...good, title: 'Third', assigneeId: '01900000-0000-7000-8000-00000000dead' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'assigneeId: is not an active staff account' } });
    const late = await backend.invoke('cases.createMany', { cases: [good, { ...good, title: 'Late', eventDate: '2022', eventEndDate: '2021' }] });
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'eventEndDate: must not be before the event date' } });
    expect((await call(backend, 'status.get', {})).cases).toBe(0);
    expect((await call(backend, 'persons.list', {})).total).toBe(0);
    expect((await call(backend, 'audit.list', { offset: 0, limit: 100 })).total).toBe(before.total);
    const { ids } = await call(backend, 'cases.createMany', { cases: [good, { ...good, title: 'Second' }] });
    const page = await call(backend, 'cases.list', { filter: { assignee: 'me' }, sort: [{ field: 'assignee', direction: 'asc' }] });
    expect(page.rows.map((r) => [r.id, r.reference.slice(5), r.assignee?.name])).toEqual([
      [ids[0], '00001', 'Nasta'],
      [ids[1], '00002', 'Nasta'],
    ]);
  });
});
