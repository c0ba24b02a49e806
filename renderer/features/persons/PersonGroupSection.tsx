import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/domain/persons';
import { call } from '../../api';
import { errorText } from '../../components/error-text';
import { NoticeLine, type Notice } from '../../components/NoticeLine';

interface PersonGroupSectionProps {
  detail: PersonDetail;
  canWrite: boolean;
  /** The group changed: the page reloads the person (cases follow the group). */
  onChanged: () => void;
  onOpenPerson?: (id: string) => void;
}

/** The records merged with this one, and each direct decision naming it, with Unmerge for merges. */
export function PersonGroupSection({ detail, canWrite, onChanged, onOpenPerson }: PersonGroupSectionProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { group } = detail;
  const others = group.members.filter((m) => m.id !== detail.id);
  const merges = group.links.filter((l) => l.state === 'same');
  const rejections = group.links.filter((l) => l.state === 'not_same');

  async function unmerge(personId: string, name: string) {
    setBusy(true);
    try {
      await call('persons.unmerge', { a: detail.id, b: personId });
      setNotice({ tone: 'success', text: (tt) => tt('personGroup.unmerged', { name }) });
      onChanged();
    } catch (failure) {
      setNotice({ tone: 'error', text: (tt) => errorText(tt, failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="detail-section person-group">
      <h3>{t('personGroup.heading')}</h3>
      {others.length === 0 && merges.length === 0 ? <p className="muted">{t('personGroup.alone')}</p> : null}
      {others.length > 0 ? (
        <ul className="plain-list">
          {group.members.map((member) => (
            <li key={member.id} className="list-row">
              {member.id === detail.id ? (
                <span>{member.displayName}</span>
              ) : onOpenPerson ? (
                <button type="button" className="link-button" aria-label={t('personGroup.open', { name: member.displayName })} onClick={() => onOpenPerson(member.id)}>
                  {member.displayName}
                </button>
              ) : (
                <span>{member.displayName}</span>
              )}
              {member.latinName && member.latinName !== member.displayName ? <span lang="en" className="muted">{member.latinName}</span> : null}
              {member.id === group.canonicalId ? <span className="role-chip">{t('personGroup.main')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {merges.length > 0 ? (
        <ul className="plain-list">
          {merges.map((link) => (
            <li key={link.personId} className="list-row">
              <span>{link.blocked ? t('personGroup.blocked', { name: link.displayName }) : link.displayName}</span>
              {canWrite ? (
                <button
                  type="button"
                  className="button-quiet"
                  disabled={busy}
                  aria-label={t('personGroup.unmergeName', { name: link.displayName })}
                  onClick={() => void unmerge(link.personId, link.displayName)}
                >
                  {t('personGroup.unmerge')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {rejections.map((link) => (
        <p key={link.personId} className="muted">
          {t('personGroup.notSame', { name: link.displayName })}
        </p>
      ))}
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}
