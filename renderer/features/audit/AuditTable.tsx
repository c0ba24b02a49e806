import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/domain/audit';
import { formatNumber } from '../../i18n/locale';
import { entityLabel, formatAuditTime, methodLabel } from './audit-labels';

interface AuditTableProps {
  rows: AuditEntryView[];
  /** Staff names by id (active accounts). */
  names: Map<string, string>;
}

export function AuditTable({ rows, names }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  const who = (staffId: string | null) => {
    if (staffId === null) return t('audit.system');
    return names.get(staffId) ?? t('audit.unknownStaff', { id: staffId.slice(0, 8) });
  };

  return (
    <div className="data-table-scroll">
      <table className="data-table audit-table" aria-label={t('audit.table')}>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('audit.seq')}
            </th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.method')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col" className="numeric">
              {t('audit.records')}
            </th>
            <th scope="col">{t('audit.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = methodLabel(t, row.method);
            return (
              <tr key={row.seq} data-seq={row.seq}>
                <td className="numeric">{formatNumber(row.seq, i18n.language)}</td>
                <td className="nowrap">
                  <time dateTime={row.at}>{formatAuditTime(row.at, i18n.language)}</time>
                </td>
                <td>{who(row.staffId)}</td>
                <td className="audit-method" title={label === row.method ? undefined : row.method}>
                  {label}
                </td>
                <td>{entityLabel(t, row.entity)}</td>
                <td className="numeric">{formatNumber(row.ids.length, i18n.language)}</td>
                <td>
                  <code className="audit-hash" title={t('audit.hashTitle', { hash: row.afterHash })}>
                    {row.afterHash.slice(0, 12)}
                  </code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
