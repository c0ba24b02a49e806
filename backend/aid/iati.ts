/**
 * An IATI 2.03 activity file for one programme and period: one `iati-activity` (humanitarian) whose
 * transactions are the paid entries, each of type 3 (disbursement) with its currency and value date. A
 * reversal is a disbursement of negative value, as IATI expects corrections. Elements follow the order of
 * the `iati-activity` and `transaction` sequences of the 2.03 schema. Recipients appear only by code.
 */
import { aidTypeLabels } from '../../shared/domain/aid';
import { AppError } from '../../shared/errors';
import type { DonorReport } from './donor-report';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const narrative = (text: string) => `<narrative>${escapeXml(text)}</narrative>`;

/** IATI OrganisationType 22: national NGO; ActivityStatus 2: implementation, 3: finalisation. */
export function iatiActivityXml(report: DonorReport, office: { name: string; iatiRef: string }, generatedAt: Date): Uint8Array {
  if (!office.iatiRef) {
    throw new AppError('VALIDATION', 'iatiOrganisationRef: set this office’s IATI organisation identifier in the aid settings before exporting IATI');
  }
  const { programme } = report;
  const identifier = programme.iatiIdentifier || `${office.iatiRef}-${programme.id}`;
  const now = generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const status = programme.endsOn < now.slice(0, 10) ? '3' : '2';
  const transactions = report.entries.map((e) =>
    [
      `    <transaction ref="${escapeXml(e.entry)}">`,
      '      <transaction-type code="3"/>',
      `      <transaction-date iso-date="${e.date}"/>`,
      `      <value currency="${e.currency}" value-date="${e.date}">${e.amount}</value>`,
      `      <description>${narrative(`${aidTypeLabels[e.type as keyof typeof aidTypeLabels]?.en ?? e.type}, recipient ${e.recipient}${e.reverses ? `, reverses ${e.reverses}` : ''}`)}</description>`,
      '    </transaction>',
    ].join('\n'),
  );
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<iati-activities version="2.03" generated-datetime="${now}">`,
    `  <iati-activity last-updated-datetime="${now}" xml:lang="en" default-currency="${programme.currency}" humanitarian="1">`,
    `    <iati-identifier>${escapeXml(identifier)}</iati-identifier>`,
    `    <reporting-org ref="${escapeXml(office.iatiRef)}" type="22">${narrative(office.name)}</reporting-org>`,
    `    <title>${narrative(programme.name)}</title>`,
    `    <description type="1">${narrative(`Aid disbursements of ${programme.name}, funded by ${programme.donor}, from ${report.from} to ${report.to}. Recipients are shown by code only.`)}</description>`,
    `    <participating-org role="1">${narrative(programme.donor)}</participating-org>`,
    `    <participating-org role="4" ref="${escapeXml(office.iatiRef)}">${narrative(office.name)}</participating-org>`,
    `    <activity-status code="${status}"/>`,
    `    <activity-date type="1" iso-date="${programme.startsOn}"/>`,
    `    <activity-date type="3" iso-date="${programme.endsOn}"/>`,
    ...transactions,
    '  </iati-activity>',
    '</iati-activities>',
    '',
  ].join('\n');
  return new TextEncoder().encode(xml);
}
