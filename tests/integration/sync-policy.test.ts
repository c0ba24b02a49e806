import { afterEach, describe, expect, it } from 'vitest';
import type { NewCase } from '../../shared/domain/cases';
import { defaultPolicy } from '../../shared/sync/policy';
import { call } from '../fixtures/backend';
import { bundlePlaintext } from '../fixtures/bundle-contents';
import { removeTempDirs } from '../fixtures/data-dir';
import { exportFor, importInto, makePartners, syncOffice, type SyncOffice } from '../fixtures/sync';

afterEach(removeTempDirs);

const base = { region: 'grodno', priority: 'high' } as const;
const titles = async (office: SyncOffice) => (await call(office.backend, 'cases.list', { sort: [{ field: 'title', direction: 'asc' }] })).rows.map((r) => r.title);

async function partnerId(office: SyncOffice, name: string) {
  return (await call(office.backend, 'partners.list', {})).find((p) => p.name === name)!.id;
}

/** What `to` would see in a bundle from `from`, decrypted, after `from` exports it. */
async function sendAndRead(from: SyncOffice, to: SyncOffice) {
  const bundle = await exportFor(from, to);
  to.backend.lockNow('user');
  const plain = await bundlePlaintext(to.dir, bundle);
  await to.unlock();
  return { bundle, ...plain };
}

describe('sharing policies', () => {
  it('shares by consent, violation type and tag; a person only with a shared case; never notes, sources or staff', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const cases: NewCase[] = [
      { ...base, title: 'Detention, consented', personName: 'Алесь Бяляцкі', violations: ['detention'], tags: ['vigil'], consentShare: true },
      { ...base, title: 'Search, consented', personName: 'Ігар Лосік', violations: ['search'], consentShare: true },
      { ...base, title: 'Torture, no consent', personName: 'Марфа Рабкова', violations: ['torture'] },
    ];
    const { ids } = await call(a.backend, 'cases.createMany', { cases });
    await call(a.backend, 'cases.addNote', { caseId: ids[0]!, body: 'NOTE-CANARY the lawyer is scared' });
    await call(a.backend, 'cases.addSource', { caseId: ids[0]!, name: 'SOURCE-CANARY Ivan', contact: 'SOURCE-CONTACT', notes: '' });
    const me = (await call(a.backend, 'staff.list', {}))[0]!;
    await call(a.backend, 'cases.assign', { ids, assigneeId: me.id });
    await call(a.backend, 'persons.update', { id: (await call(a.backend, 'cases.get', { id: ids[0]! })).persons[0]!.personId, patch: { notes: 'PERSON-NOTE-CANARY' } });

    await call(a.backend, 'partners.setPolicy', { id: await partnerId(a, 'Zhodzina'), policy: { ...defaultPolicy, violations: ['detention'] } });
    const first = await sendAndRead(a, b);
    for (const canary of ['NOTE-CANARY', 'SOURCE-CANARY', 'SOURCE-CONTACT', 'PERSON-NOTE-CANARY', me.name, me.id, 'Search, consented', 'Ігар', 'Torture, no consent', 'Марфа']) {
      expect(first.text.includes(canary), canary).toBe(false);
    }
    expect(first.text).toContain('Detention, consented');
    await importInto(b, first.bundle);
    expect(await titles(b)).toEqual(['Detention, consented']);

    // A wider policy sends what it now covers, whole; consent given later sends that case too.
    await call(a.backend, 'partners.setPolicy', { id: await partnerId(a, 'Zhodzina'), policy: { ...defaultPolicy, tags: [] } });
    await importInto(b, await exportFor(a, b));
    expect(await titles(b)).toEqual(['Detention, consented', 'Search, consented']);
    await call(a.backend, 'cases.update', { id: ids[2]!, patch: { consentShare: true } });
    await importInto(b, await exportFor(a, b));
    const late = await call(b.backend, 'cases.get', { id: ids[2]! });
    expect(late).toMatchObject({ title: 'Torture, no consent', violations: ['torture'], personName: 'Марфа Рабкова', consentShare: true, region: 'grodno', priority: 'high', assignee: null });

    // A tag filter, and cases without their people.
    const c = await syncOffice('Brest Watch');
    await makePartners(a, c);
    await call(a.backend, 'partners.setPolicy', { id: await partnerId(a, 'Brest Watch'), policy: { ...defaultPolicy, entities: ['case'], tags: ['vigil'] } });
    const toC = await sendAndRead(a, c);
    expect(toC.text.includes('Бяляцкі')).toBe(false);
    await importInto(c, toC.bundle);
    expect(await titles(c)).toEqual(['Detention, consented']);
    expect((await call(c.backend, 'cases.get', { id: ids[0]! })).persons).toEqual([]);
    expect((await call(c.backend, 'persons.list', {})).total).toBe(0);
  });

  it('sends relatives with a shared person, and evidence only when chosen and small enough, checked by its hash', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', { ...base, title: 'Detention', personName: 'Алесь Бяляцкі', consentShare: true });
    const victim = created.id && (await call(a.backend, 'cases.get', { id: created.id })).persons[0]!.personId;
    const wife = await call(a.backend, 'persons.create', { givenName: 'Наталля', familyName: 'Пінчук' });
    await call(a.backend, 'persons.addRelation', { personId: victim, relativeId: wife.id, relation: 'spouse' });
    const stranger = await call(a.backend, 'persons.create', { givenName: 'Unrelated', familyName: 'Person' });
    const small = await call(a.backend, 'attachments.add', { caseId: created.id, fileName: 'ruling.pdf', dataBase64: Buffer.from('scan of the ruling').toString('base64') });
    const large = await call(a.backend, 'attachments.add', { caseId: created.id, fileName: 'video.mp4', dataBase64: Buffer.alloc(3000, 1).toString('base64') });

    const first = await sendAndRead(a, b);
    expect(first.blobs).toEqual([]);
    expect(first.text.includes('ruling.pdf')).toBe(false);
    await importInto(b, first.bundle);
    expect((await call(b.backend, 'persons.get', { id: victim })).relatives).toEqual([{ personId: wife.id, displayName: 'Наталля Пінчук', relation: 'spouse' }]);
    expect(await b.backend.invoke('persons.get', { id: stranger.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call(b.backend, 'cases.get', { id: created.id })).attachments).toEqual([]);

    await call(a.backend, 'partners.setPolicy', { id: await partnerId(a, 'Zhodzina'), policy: { ...defaultPolicy, entities: ['case', 'person', 'attachment'], maxAttachmentBytes: 1000 } });
    const second = await sendAndRead(a, b);
    expect(second.blobs.map((blob) => blob.toString())).toEqual(['scan of the ruling']);
    await importInto(b, second.bundle);
    const files = (await call(b.backend, 'cases.get', { id: created.id })).attachments;
    expect(files).toEqual([expect.objectContaining({ id: small.id, fileName: 'ruling.pdf', sha256: small.sha256, size: small.size, createdBy: null })]);
    expect(Buffer.from((await call(b.backend, 'attachments.get', { id: small.id })).dataBase64, 'base64').toString()).toBe('scan of the ruling');
    expect(files.some((f) => f.id === large.id)).toBe(false);
  });

  it('a withdrawn consent reaches the partner that holds the case, and nothing else of the case follows it', async () => {
    const a = await syncOffice('Viasna');
    const b = await syncOffice('Zhodzina');
    const c = await syncOffice('Brest Watch');
    await makePartners(a, b);
    await makePartners(a, c);
    const made = await call(a.backend, 'cases.create', { ...base, title: 'Detention, consented', personName: 'Алесь Бяляцкі', violations: ['detention'], consentShare: true });
    await importInto(b, await exportFor(a, b));
    expect((await call(b.backend, 'cases.get', { id: made.id })).consentShare).toBe(true);

    await call(a.backend, 'cases.update', { id: made.id, patch: { consentShare: false, summary: 'WITHDRAWN-CANARY after the consent was withdrawn' } });
    const { bundle, text } = await sendAndRead(a, b);
    expect(text.includes('WITHDRAWN-CANARY')).toBe(false);
    await importInto(b, bundle);
    const there = await call(b.backend, 'cases.get', { id: made.id });
    expect(there).toMatchObject({ consentShare: false, summary: '' });
    // A partner that never held the case hears nothing of it.
    const { text: toC } = await sendAndRead(a, c);
    expect(toC.includes(made.id)).toBe(false);
    // Nothing more goes once the partner acknowledged the withdrawal; a new consent sends the case whole again.
    await importInto(a, await exportFor(b, a));
    const again = await sendAndRead(a, b);
    expect(again.text.includes(made.id)).toBe(false);
    await importInto(b, again.bundle);
    await call(a.backend, 'cases.update', { id: made.id, patch: { consentShare: true } });
    await importInto(b, await exportFor(a, b));
    expect(await call(b.backend, 'cases.get', { id: made.id })).toMatchObject({ consentShare: true, summary: 'WITHDRAWN-CANARY after the consent was withdrawn' });
  });
});
