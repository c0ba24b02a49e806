import { useTranslation } from 'react-i18next';

/** Settings' way into the audit log (admins and coordinators). */
export function AuditLogCard({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h3>{t('audit.cardHeading')}</h3>
      <p className="muted">{t('audit.cardIntro')}</p>
      <div className="actions">
        <button type="button" onClick={onOpen}>
          {t('audit.open')}
        </button>
      </div>
    </div>
  );
}
