import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, roles, type Role } from '../../../shared/domain/staff';
import type { StaffRecord } from '../../../shared/domain/staff-accounts';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { PassphraseStrengthMeter } from '../vault/PassphraseStrengthMeter';
import { usePassphraseStrength } from '../vault/use-passphrase-strength';

/** A new account: name, role and a one-time passphrase its owner replaces at first unlock. */
export function StaffAddForm({ office, onAdded }: { office: string; onAdded: (record: StaffRecord) => void }) {
  const { t } = useTranslation();
  const roleId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [oneTime, setOneTime] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const meterId = useId();
  const strength = usePassphraseStrength(oneTime, [office, name]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    if ([...oneTime].length < MIN_PASSPHRASE_LENGTH) {
      setProblem({ local: 'staff.tooShort' });
      return;
    }
    if (strength && !strength.acceptable) {
      setProblem({ local: 'strength.weak' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const record = await call('staff.add', { name, role, oneTimePassphrase: oneTime });
      setName('');
      setOneTime('');
      setRole('caseworker');
      setAdded(record.name);
      onAdded(record);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack staff-add" onSubmit={submit} noValidate autoComplete="off">
      <h4>{t('staff.addHeading')}</h4>
      <div className="field-row field-row-3">
        <Field label={t('staff.name')} maxLength={120} required value={name} onChange={(event) => setName(event.target.value)} />
        <div className="field">
          <label htmlFor={roleId}>{t('staff.role')}</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('staff.oneTime')}
          hint={t('staff.oneTimeHint')}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          required
          aria-details={meterId}
          value={oneTime}
          onChange={(event) => setOneTime(event.target.value)}
        />
      </div>
      <PassphraseStrengthMeter id={meterId} strength={strength} typed={oneTime !== ''} />
      <FormMessage error={problemText(t, problem)} success={added ? t('staff.addedMessage', { name: added }) : null} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
          {t('staff.add')}
        </button>
      </div>
    </form>
  );
}
