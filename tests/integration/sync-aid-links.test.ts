import { afterEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/sync/policy';
import { call } from '../fixtures/backend';
import { bundlePlaintext } from '../fixtures/bundle-contents';
import { removeTempDirs } from '../fixtures/data-dir';
import { exchange, exportFor, importInto, makePartners, syncOffice, type SyncOffice } from '../fixtures/sync';

afterEach(removeTempDirs);

const programme = { name: 'Families 2026', donor: 'Civil Rights Defenders', currency: 'EUR', budget: '10000.00', startsOn: '2026-01-01', endsOn: '2026-12-31', fourEyesThreshold: '1000.00' } as const;

async function partnerId(office: SyncOffice, name: string) {
  return (await call(office.backend, 'partners.list', {})).find((p) => p.name === name)!.id;
}

/** Requests, approves and pays (as the office's admin, under the four-eyes threshold). */
async function pay(office: SyncOffice, recipientId: string, programmeId: string, date: string, reference: string) {
  const { disbursement } = await call(office.backend, 'aid.disbursements.create', { recipientId, programmeId, amount: '150.00', currency: 'EUR', type: 'cash-support', method: 'cash', purpose: 'Monthly support', date });
  await call(office.backend, 'aid.disbursements.approve', { id: disbursement.id });
  await call(office.backend, 'aid.disbursements.pay', { id: disbursement.id, reference });
  return disbursement.id;
}

async function office(name: string) {
  const o = await syncOffice(name);
  const { id: programmeId } = await call(o.backend, 'aid.programmes.create', programme);
  return { o, programmeId };
}

describe('sync of person links and paid aid', () => {
  it('a merge and a paid disbursement reach the partner, whose duplicate-payment check then sees them', async () => {
    const { o: a, programmeId: aProgramme } = await office('Viasna');
    const { o: b, programmeId: bProgramme } = await office('Zhodzina');
    await makePartners(a, b);
    const { ids } = await call(a.backend, 'cases.createMany', {
      cases: [
        { title: 'Detention in Minsk', personName: 'Наталля Пінчук', region: 'minsk-city', priority: 'high', consentShare: true },
        { title: 'Search of the flat', personName: 'Natallia Pinchuk', region: 'minsk-city', priority: 'normal', consentShare: true },
      ],
    });
    const [p1, p2] = await Promise.all(ids.map(async (id) => (await call(a.backend, 'cases.get', { id })).persons[0]!.personId));
    await call(a.backend, 'persons.merge', { a: p1!, b: p2! });
    const paidId = await pay(a, p1!, aProgramme, '2026-03-01', 'BANK-REF-CANARY');
    // Requested, not paid: stays home.
    const { disbursement: pending } = await call(a.backend, 'aid.disbursements.create', { recipientId: p2!, programmeId: aProgramme, amount: '40.00', currency: 'EUR', type: 'parcel', method: 'parcel', purpose: 'Parcel', date: '2026-03-02' });

    // The default policy shares no aid; the link between two shared persons goes.
    await importInto(b, await exportFor(a, b));
    expect((await call(b.backend, 'aid.disbursements.list', { filter: { origin: 'partner' } })).rows).toEqual([]);
    expect((await call(b.backend, 'persons.group', { id: p2! })).members.map((m) => m.id).sort()).toEqual([p1!, p2!].sort());
    // Received persons are in the duplicate finder's index: typing the name here finds them.
    const similar = await call(b.backend, 'persons.similar', { givenName: 'Natalia', familyName: 'Pinchuk' });
    expect(similar.map((s) => s.person.id)).toEqual(expect.arrayContaining([p1!, p2!]));

    await call(a.backend, 'partners.setPolicy', { id: await partnerId(a, 'Zhodzina'), policy: { ...defaultPolicy, entities: ['case', 'person', 'aid'] } });
    const bundle = await exportFor(a, b);
    b.backend.lockNow('user');
    const { text } = await bundlePlaintext(b.dir, bundle);
    await b.unlock();
    expect(text.includes('BANK-REF-CANARY')).toBe(false);
    expect(text.includes(pending.id)).toBe(false);
    await importInto(b, bundle);
    const received = (await call(b.backend, 'aid.disbursements.list', { filter: { origin: 'partner' } })).rows;
    expect(received).toEqual([expect.objectContaining({ id: paidId, originOffice: 'Viasna', programme: null, status: 'paid', amountMinor: 15_000, currency: 'EUR', paymentReference: '' })]);
    // The partner's payment counts in no budget or report here.
    expect((await call(b.backend, 'aid.programmes.get', { id: bProgramme })).position.spent.minor).toBe('0');

    // Zhodzina is about to pay the other record of the same woman: refused as a likely duplicate.
    const attempt = await b.backend.invoke('aid.disbursements.create', { recipientId: p2!, programmeId: bProgramme, amount: '150.00', currency: 'EUR', type: 'cash-support', method: 'cash', purpose: 'Monthly support', date: '2026-03-10' });
    expect(attempt).toMatchObject({ ok: false, error: { code: 'DUPLICATE_PAYMENT' } });
    if (!attempt.ok) expect(attempt.error.message).toMatch(new RegExp(`\\(paid, from Viasna\\) ${paidId}`));
    expect((await call(b.backend, 'aid.disbursements.list', {})).total).toBe(1);

    // Importing the same bundle again changes nothing; an unmerge at Viasna reaches Zhodzina too.
    const again = await b.backend.invoke('sync.import', { dataBase64: Buffer.from(bundle).toString('base64') });
    expect(again).toMatchObject({ ok: false, error: { code: 'BUNDLE_REPLAY' } });
    await call(a.backend, 'persons.unmerge', { a: p1!, b: p2! });
    await exchange(a, b);
    expect((await call(b.backend, 'persons.group', { id: p2! })).members.map((m) => m.id)).toEqual([p2!]);
    await call(b.backend, 'aid.disbursements.create', { recipientId: p2!, programmeId: bProgramme, amount: '150.00', currency: 'EUR', type: 'cash-support', method: 'cash', purpose: 'Monthly support', date: '2026-03-10' });
    // The partner's copy is never sent back, nor passed on as this office's own.
    const back = await exportFor(b, a);
    a.backend.lockNow('user');
    const fromB = await bundlePlaintext(a.dir, back);
    await a.unlock();
    expect(fromB.text.includes(paidId)).toBe(false);
  });

  it('a partner’s purge of a person this office paid is refused with the reason, and nothing changes', async () => {
    const { o: a, programmeId: aProgramme } = await office('Viasna');
    const { o: b, programmeId: bProgramme } = await office('Zhodzina');
    await makePartners(a, b);
    const created = await call(a.backend, 'cases.create', { title: 'Detention', personName: 'Алесь Бяляцкі', region: 'minsk', priority: 'high', consentShare: true });
    await exchange(a, b);
    const personId = (await call(b.backend, 'cases.get', { id: created.id })).persons[0]!.personId;
    const paid = await pay(b, personId, bProgramme, '2026-03-01', 'ZH-1');
    await call(a.backend, 'records.purge', { entity: 'person', id: personId, confirm: 'PURGE' });
    const bundle = await exportFor(a, b);
    const state = async () => ({
      person: await call(b.backend, 'persons.get', { id: personId }),
      case: await call(b.backend, 'cases.get', { id: created.id }),
      ledger: (await call(b.backend, 'aid.disbursements.list', {})).rows,
      audit: (await call(b.backend, 'audit.list', { offset: 0, limit: 1 })).total,
    });
    const before = await state();
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await b.backend.invoke('sync.import', { dataBase64: Buffer.from(bundle).toString('base64') });
      expect(refused).toMatchObject({ ok: false, error: { code: 'LEDGER_IMMUTABLE' } });
      const message = (refused as { error: { message: string } }).error.message;
      expect(message).toContain(`The bundle from Viasna deletes the person ${personId}, which this office's aid ledger names (1 disbursement)`);
      expect(message).toContain('nothing was imported');
      expect(await state()).toEqual(before);
    }
    expect(before.ledger.map((r) => r.id)).toEqual([paid]);

    // The same rule at home: a person this office paid cannot be purged here either.
    const own = await call(a.backend, 'persons.create', { givenName: 'Наталля', familyName: 'Пінчук' });
    await pay(a, own.id, aProgramme, '2026-03-02', 'VI-1');
    const home = await a.backend.invoke('records.purge', { entity: 'person', id: own.id, confirm: 'PURGE' });
    expect(home).toMatchObject({ ok: false, error: { code: 'LEDGER_IMMUTABLE', message: expect.stringContaining(`Removing the person ${own.id}, which this office's aid ledger names (1 disbursement)`) } });
    expect(await call(a.backend, 'persons.get', { id: own.id })).toMatchObject({ id: own.id, displayName: 'Наталля Пінчук' });
  });
});

