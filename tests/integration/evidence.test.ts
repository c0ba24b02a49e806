import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend';
import { call, testPlatform } from '../fixtures/backend';
import { canary, filesContaining, PASSPHRASE, removeTempDirs, tempDir } from '../fixtures/data-dir';
import { signInAs } from '../fixtures/staff';

afterEach(removeTempDirs);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The verification script exactly as docs/evidence-package.md gives it to a lawyer's expert. */
function documentedScript(): string {
  const doc = readFileSync('docs/evidence-package.md', 'utf8');
  const section = doc.slice(doc.indexOf('## Checking a package'));
  const script = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!script) throw new Error('docs/evidence-package.md has no verification script');
  return script;
}

function verify(folder: string) {
  const result = spawnSync('bash', ['-c', documentedScript()], { cwd: folder, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

function unzip(zip: Uint8Array): string {
  const dir = tempDir('caseboard-evidence-');
  writeFileSync(join(dir, 'package.zip'), zip);
  execFileSync('unzip', ['-q', 'package.zip'], { cwd: dir });
  const [folder] = readdirSync(dir).filter((name) => name !== 'package.zip');
  return join(dir, folder!);
}

async function officeWithCase() {
  const { platform } = testPlatform(join(tempDir(), 'vault'));
  const saved: { name: string; data: Uint8Array }[] = [];
  platform.saveFile = async (name, data) => {
    saved.push({ name, data });
    return join('/chosen/by/the/person', name);
  };
  const backend = createBackend(platform);
  await call(backend, 'vault.create', { office: 'Viasna', user: 'Nasta', passphrase: PASSPHRASE });
  const other = await call(backend, 'cases.create', { title: 'Another case', personName: 'Ігар Лосік', region: 'brest', priority: 'low' });
  const created = await call(backend, 'cases.create', { title: 'Detention after the vigil', personName: 'Алесь Бяляцкі', region: 'grodno', priority: 'urgent' });
  await call(backend, 'cases.update', { id: created.id, patch: { sentence: '10 years', articles: ['342'] } });
  const scan = Buffer.from('%PDF-1.7 scan of the court ruling, page 1');
  const meta = await call(backend, 'attachments.add', { caseId: created.id, fileName: 'Пастанова суда: 2021*07?.pdf', dataBase64: scan.toString('base64') });
  await call(backend, 'cases.addNote', { caseId: created.id, body: 'Lawyer visited on 14 July' });
  await call(backend, 'cases.setStatus', { ids: [other.id], status: 'open' });
  const sourceName = canary('SOURCE');
  await call(backend, 'cases.addSource', { caseId: created.id, name: sourceName, contact: 'signal', notes: '' });
  return { backend, saved, caseId: created.id, reference: created.reference, meta, scan, sourceName };
}

describe('evidence package', () => {
  it('is checked by the documented procedure with sha256sum and a shell, and holds the record, files and audit chain', async () => {
    const { backend, saved, caseId, reference, meta, scan, sourceName } = await officeWithCase();
    const inVault = await call(backend, 'audit.list', { entityId: caseId });
    const result = await call(backend, 'cases.exportEvidence', { id: caseId });
    expect(result).toEqual({ path: `/chosen/by/the/person/evidence-${reference}.zip`, encrypted: false, files: 8 });
    const folder = unzip(saved[0]!.data);

    const checked = verify(folder);
    expect(checked.out).toMatch(/^files: OK\nchain links: OK \(\d+ entries\)\nchain head: OK\n$/);
    expect(checked.code).toBe(0);

    // The attachment is the intake bytes, and SHA256SUMS carries its intake hash.
    const attachments = JSON.parse(readFileSync(join(folder, 'attachments.json'), 'utf8')) as { path: string; sha256: string }[];
    expect(attachments).toEqual([expect.objectContaining({ id: meta.id, sha256: meta.sha256, path: 'attachments/001-Пастанова суда_ 2021_07_.pdf' })]);
    expect(readFileSync(join(folder, attachments[0]!.path))).toEqual(scan);
    expect(readFileSync(join(folder, 'SHA256SUMS'), 'utf8')).toContain(`${meta.sha256}  ${attachments[0]!.path}\n`);

    const record = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ id: caseId, reference, sentence: '10 years', articles: ['342'], notes: [expect.objectContaining({ body: 'Lawyer visited on 14 July' })] });
    expect(record).not.toHaveProperty('sources');
    expect(filesContaining(folder, sourceName)).toEqual([]);

    // The audit entries for the case are exactly the vault's, and each is its line in the chain.
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { caseEntries: number[]; auditHead: { seq: number; hash: string } };
    expect(manifest.caseEntries).toEqual(inVault.rows.map((r) => r.seq).sort((a, b) => a - b));
    const lines = readFileSync(join(folder, 'audit/chain.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(manifest.auditHead.seq);
    for (const seq of manifest.caseEntries) expect(lines[seq - 1]).toContain(caseId);
    // The export itself is recorded, after the head the package names.
    expect((await call(backend, 'audit.list', { entityId: caseId })).rows[0]).toMatchObject({ seq: manifest.auditHead.seq + 1, method: 'cases.exportEvidence', entity: 'export' });
  });

  it('the procedure fails on a changed attachment, an edited, removed or reordered audit line', async () => {
    const { backend, saved, caseId } = await officeWithCase();
    await call(backend, 'cases.exportEvidence', { id: caseId });
    const zip = saved[0]!.data;

    const changedFile = unzip(zip);
    const [attachment] = readdirSync(join(changedFile, 'attachments'));
    writeFileSync(join(changedFile, 'attachments', attachment!), 'a forged ruling');
    expect(verify(changedFile)).toMatchObject({ code: 1, out: expect.stringContaining(`attachments/${attachment}: FAILED`) });

    // Forgers who also rewrite SHA256SUMS are caught by the chain itself.
    const tamper = (edit: (lines: string[]) => string[]) => {
      const folder = unzip(zip);
      const path = join(folder, 'audit/chain.jsonl');
      const lines = edit(readFileSync(path, 'utf8').trimEnd().split('\n'));
      writeFileSync(path, `${lines.join('\n')}\n`);
      const sums = readFileSync(join(folder, 'SHA256SUMS'), 'utf8').replace(/^[0-9a-f]{64}(?=  audit\/chain\.jsonl$)/m, sha256(readFileSync(path)));
      writeFileSync(join(folder, 'SHA256SUMS'), sums);
      return verify(folder);
    };
    expect(tamper((l) => l.map((line, i) => (i === 3 ? line.replace('"cases.update"', '"cases.get"') : line)))).toMatchObject({ code: 1, out: expect.stringContaining('chain BROKEN at entry 5') });
    expect(tamper((l) => l.filter((_, i) => i !== 3))).toMatchObject({ code: 1, out: expect.stringContaining('entry number wrong on line 4') });
    expect(tamper((l) => [l[0]!, l[2]!.replace(/^\[3,/, '[2,'), l[1]!.replace(/^\[2,/, '[3,'), ...l.slice(3)])).toMatchObject({ code: 1, out: expect.stringContaining('chain BROKEN at entry 2') });
    expect(tamper((l) => l.slice(0, -1))).toMatchObject({ code: 1, out: expect.stringContaining('chain head does not match') });
  });

  it('can be encrypted with a passphrase (age); refuses weak passphrases, unknown cases and other roles, saving nothing', async () => {
    const { backend, saved, caseId } = await officeWithCase();
    expect(await backend.invoke('cases.exportEvidence', { id: caseId, passphrase: 'password1234' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    expect(await backend.invoke('cases.exportEvidence', { id: '01890000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(saved).toHaveLength(0);

    const result = await call(backend, 'cases.exportEvidence', { id: caseId, passphrase: 'a package passphrase for the lawyer' });
    expect(result).toMatchObject({ encrypted: true, path: expect.stringMatching(/\.zip\.age$/) });
    const encrypted = saved[0]!.data;
    expect(Buffer.from(encrypted).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const decrypter = new Decrypter();
    decrypter.addPassphrase('a package passphrase for the lawyer');
    const folder = unzip(await decrypter.decrypt(encrypted, 'uint8array'));
    expect(verify(folder).code).toBe(0);

    await call(backend, 'vault.lock', {});
    await signInAs(backend, PASSPHRASE, 'Ihar', 'caseworker');
    expect(await backend.invoke('cases.exportEvidence', { id: caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(saved).toHaveLength(1);
  });
});
