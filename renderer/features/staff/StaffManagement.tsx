import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type SessionInfo } from '../../../shared/domain/staff';
import type { StaffRecord } from '../../../shared/domain/staff-accounts';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { formatDateTime } from '../../components/format-date';
import { StaffAddForm } from './StaffAddForm';
import { useStaffList } from './use-staff-list';

/** Admins only: the office's accounts, their roles, adding and removing people. */
export function StaffManagement({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const { staff, loaded, error, reload } = useStaffList();
  const [removing, setRemoving] = useState<StaffRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    setProblem(null);
    setMessage(null);
    try {
      await action();
      setMessage(success);
      reload();
    } catch (failure) {
      setProblem({ error: failure });
    } finally {
      setBusy(false);
    }
  }

  const setRole = (person: StaffRecord, role: Role) =>
    run(() => call('staff.setRole', { id: person.id, role }), t('staff.roleChanged', { name: person.name }));

  return (
    <div className="stack staff">
      <h3>{t('staff.heading')}</h3>
      <p className="muted">{t('staff.intro')}</p>
      {error ? <FormMessage error={problemText(t, { error })} /> : null}
      {!loaded ? (
        <p className="muted" role="status">
          {t('staff.loading')}
        </p>
      ) : (
        <div className="data-table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('staff.name')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.passphrase')}</th>
                <th scope="col">{t('staff.added')}</th>
                <th scope="col">
                  <span className="sr-only">{t('staff.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((person) => {
                const self = person.id === session.user.id;
                return (
                  <tr key={person.id}>
                    <td>
                      {person.name} {self ? <span className="muted">({t('staff.you')})</span> : null}
                    </td>
                    <td>
                      <select
                        aria-label={t('staff.roleFor', { name: person.name })}
                        value={person.role}
                        disabled={busy || self}
                        onChange={(event) => void setRole(person, event.target.value as Role)}
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{person.mustChangePassphrase ? t('staff.oneTimePending') : t('staff.ownPassphrase')}</td>
                    <td className="nowrap">{formatDateTime(person.createdAt, i18n.language)}</td>
                    <td>
                      {self ? null : (
                        <button
                          type="button"
                          className="button-quiet"
                          aria-label={t('staff.removeName', { name: person.name })}
                          disabled={busy}
                          onClick={() => setRemoving(person)}
                        >
                          {t('staff.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FormMessage error={problemText(t, problem)} success={message} />
      <StaffAddForm office={session.office} onAdded={() => reload()} />
      {removing ? (
        <Dialog title={t('staff.removeTitle', { name: removing.name })} onClose={() => setRemoving(null)}>
          <p>{t('staff.removeIntro', { name: removing.name })}</p>
          <div className="actions">
            <button type="button" onClick={() => setRemoving(null)} autoFocus>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => {
                const person = removing;
                setRemoving(null);
                void run(() => call('staff.remove', { id: person.id }), t('staff.removed', { name: person.name }));
              }}
            >
              {t('staff.remove')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
