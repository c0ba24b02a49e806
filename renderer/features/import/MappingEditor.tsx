import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportField, type ImportMapping } from '../../../shared/domain/spreadsheet';

interface MappingEditorProps {
  columns: string[];
  mapping: ImportMapping;
  disabled: boolean;
  onChange: (field: ImportField, column: string) => void;
}

/** One select per case field: which spreadsheet column feeds it, or none. */
export function MappingEditor({ columns, mapping, disabled, onChange }: MappingEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="mapping">
      <legend>{t('importer.mappingHeading')}</legend>
      <p className="muted">{t('importer.mappingIntro')}</p>
      <div className="mapping-grid">
        {importFields.map((field) => (
          <div key={field} className="field">
            <label htmlFor={`${id}-${field}`}>{t('importer.fieldColumn', { field: t(`caseFields.${field}`) })}</label>
            <select
              id={`${id}-${field}`}
              disabled={disabled}
              value={mapping[field] ?? ''}
              onChange={(event) => onChange(field, event.target.value)}
            >
              <option value="">{t('importer.noColumn')}</option>
              {columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
