/**
 * An evidence package for one case: its record, its attachments exactly as taken in (with their intake
 * SHA-256), the audit entries that name it, and the whole audit chain as canonical lines, so that a
 * lawyer's expert can check everything with `sha256sum` and a shell (docs/evidence-package.md).
 */
import { createHash } from 'node:crypto';
import { zipSync, type ZipOptions } from 'fflate';
import { auditChain, listAudit } from '../../db/audit';
import { getAttachment } from '../../db/repositories/attachments';
import { caseHistory, getCaseDetail } from '../../db/repositories/cases';
import { listStaff } from '../../db/repositories/staff';
import type { Orm } from '../../db/vault';

export const EVIDENCE_FORMAT = 'caseboard-evidence';
export const EVIDENCE_VERSION = 1;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** A name that is safe in a zip, on every file system and in a `sha256sum` line. */
export function safeFileName(name: string): string {
  const cleaned = [...name.normalize('NFC')]
    .map((c) => (/[\p{Cc}\p{Cf}/\\:*?"<>|]/u.test(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  const chars = [...(cleaned || 'file')];
  return chars.length > 100 ? chars.slice(0, 100).join('') : chars.join('');
}

const README = `Caseboard evidence package

Every file below this folder is listed with its SHA-256 in SHA256SUMS; the attachments' hashes are the
ones taken when each file entered the vault. audit/chain.jsonl holds every entry of the office's audit log,
one canonical line each: each line's last field is the SHA-256 of the line before it (the first line's, of
"caseboard-audit-genesis|" followed by the vault id in manifest.json), and the SHA-256 of the last line is
auditHead.hash in manifest.json. audit/case-entries.json lists the entries that name this case.

To check, in this folder:
  sha256sum -c SHA256SUMS
and then the chain, as described step by step in Caseboard's docs/evidence-package.md.
`;

export interface EvidencePackage {
  folder: string;
  zip: Uint8Array;
  files: string[];
}

export function buildEvidencePackage(
  orm: Orm,
  input: { caseId: string; vaultId: string; office: string; exportedBy: { id: string; name: string }; now: Date },
): EvidencePackage {
  const detail = getCaseDetail(orm, input.caseId, { withSources: false });
  const folder = `evidence-${safeFileName(detail.reference)}`;
  const entries: [string, Uint8Array][] = [];

  const { sources: _never, ...record } = detail;
  entries.push(['case.json', json({ ...record, history: caseHistory(orm, input.caseId) })]);

  const attachments = detail.attachments.map((meta, index) => {
    // getAttachment re-checks the bytes against the intake hash before anything leaves the vault.
    const { data } = getAttachment(orm, meta.id);
    const path = `attachments/${String(index + 1).padStart(3, '0')}-${safeFileName(meta.fileName)}`;
    entries.push([path, data]);
    return { ...meta, path };
  });
  entries.push(['attachments.json', json(attachments)]);

  const named = [input.caseId, ...detail.attachments.map((a) => a.id)];
  const staffNames = new Map(listStaff(orm).map((s) => [s.id, s.name]));
  const caseEntries = new Map<number, ReturnType<typeof listAudit>['rows'][number]>();
  for (const id of named) {
    for (let offset = 0; ; offset += 1000) {
      const page = listAudit(orm, { entityId: id, offset, limit: 1000 });
      for (const row of page.rows) caseEntries.set(row.seq, row);
      if (page.rows.length < 1000) break;
    }
  }
  const chain = auditChain(orm);
  const sorted = [...caseEntries.values()].sort((a, b) => a.seq - b.seq);
  entries.push(['audit/case-entries.json', json(sorted.map((row) => ({ ...row, staffName: row.staffId ? (staffNames.get(row.staffId) ?? null) : null })))]);
  entries.push(['audit/chain.jsonl', Buffer.from(chain.lines.map((line) => `${line}\n`).join(''), 'utf8')]);
  entries.push([
    'manifest.json',
    json({
      format: EVIDENCE_FORMAT,
      version: EVIDENCE_VERSION,
      office: input.office,
      vaultId: input.vaultId,
      caseId: input.caseId,
      reference: detail.reference,
      exportedAt: input.now.toISOString(),
      exportedBy: input.exportedBy,
      auditGenesis: chain.genesis,
      auditHead: chain.head,
      caseEntries: sorted.map((row) => row.seq),
    }),
  ]);
  entries.push(['README.txt', Buffer.from(README, 'utf8')]);
  const sums = entries.map(([path, bytes]) => `${sha256(bytes)}  ${path}\n`).join('');
  entries.push(['SHA256SUMS', Buffer.from(sums, 'utf8')]);

  // Marked as written on Unix with plain file modes: unzip then takes the UTF-8 names as they are, where an
  // MS-DOS origin makes some builds re-encode Cyrillic names from an OEM code page.
  const options: ZipOptions = { mtime: input.now, level: 6, os: 3, attrs: 0o100644 << 16 };
  const zip = zipSync(Object.fromEntries(entries.map(([path, bytes]) => [`${folder}/${path}`, [bytes, options]])));
  return { folder, zip, files: entries.map(([path]) => path) };
}
