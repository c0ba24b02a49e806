import { useTranslation } from 'react-i18next';
import { importFields, type ImportPreview } from '../../../shared/domain/spreadsheet';

/** Enough rows to judge the file; the backend already sends only the first rows and the invalid ones. */
const MAX_SHOWN = 300;

/** The checked rows: values as they will be read, problems highlighted. */
export function RowReports({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const fields = importFields.filter((field) => preview.mapping[field]);
  const shown = preview.rows.slice(0, MAX_SHOWN);
  return (
    <section className="row-reports">
      <h3>{t('importer.rowsHeading')}</h3>
      <p className="muted">
        {t('importer.rowsNote')}{' '}
        {preview.rows.length > MAX_SHOWN ? t('importer.rowsCut', { shown: MAX_SHOWN, reported: preview.rows.length }) : null}
      </p>
      <div className="row-reports-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('importer.line')}</th>
              {fields.map((field) => (
                <th key={field} scope="col">
                  {t(`caseFields.${field}`)}
                </th>
              ))}
              <th scope="col">{t('importer.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const bad = row.errors.length > 0;
              return (
                <tr key={row.line} className={bad ? 'row-invalid' : undefined} aria-invalid={bad || undefined}>
                  <td className="numeric">{row.line}</td>
                  {fields.map((field) => (
                    <td key={field}>{row.values[field] ?? ''}</td>
                  ))}
                  <td className={bad ? 'problems' : 'ok'}>
                    {bad ? row.errors.join('; ') : t('importer.ok')}
                    {row.existing?.length ? (
                      <span className="similar-warning">{t('similarPersons.inImport', { names: row.existing.map((m) => m.displayName).join(', ') })}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
