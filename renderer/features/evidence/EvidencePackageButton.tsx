import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { PassphraseStrengthMeter } from '../vault/PassphraseStrengthMeter';
import { usePassphraseStrength } from '../vault/use-passphrase-strength';

type Outcome = { path: string | null; encrypted: boolean };

/**
 * Saves the case as an evidence package (a zip checkable with sha256sum), after saying plainly that a zip
 * is not encrypted and offering to encrypt it with a passphrase instead.
 */
export function EvidencePackageButton({ caseId, related }: { caseId: string; related: readonly string[] }) {
  const { t } = useTranslation();
  const meterId = useId();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const strength = usePassphraseStrength(passphrase, related);

  function close() {
    if (busy) return;
    setOpen(false);
    setPassphrase('');
    setProblem(null);
  }

  async function save(encrypted: boolean) {
    if (busy) return;
    if (encrypted && !strength?.acceptable) {
      setProblem({ local: 'strength.weak' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await call('cases.exportEvidence', encrypted ? { id: caseId, passphrase } : { id: caseId });
      setOutcome({ path: result.path, encrypted: result.encrypted });
      setBusy(false);
      setOpen(false);
      setPassphrase('');
    } catch (error) {
      setProblem({ error });
      setBusy(false);
    }
  }

  const success = outcome
    ? outcome.path === null
      ? t('evidence.cancelled')
      : t(outcome.encrypted ? 'evidence.savedEncrypted' : 'evidence.saved', { path: outcome.path })
    : null;

  return (
    <div className="evidence-package">
      <button type="button" onClick={() => { setOutcome(null); setOpen(true); }}>
        {t('evidence.button')}
      </button>
      <FormMessage error={null} success={success} />
      {open ? (
        <Dialog title={t('evidence.title')} onClose={close}>
          <div className="stack">
            <p>{t('evidence.intro')}</p>
            <p className="warning-text">{t('evidence.warning')}</p>
            <div>
              <Field
                label={t('evidence.passphrase')}
                hint={t('evidence.passphraseHint')}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                aria-details={meterId}
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
              />
              <PassphraseStrengthMeter id={meterId} strength={strength} typed={passphrase !== ''} />
            </div>
            <FormMessage error={problemText(t, problem)} />
            <div className="actions">
              <button type="button" autoFocus disabled={busy} onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button-danger" disabled={busy} onClick={() => void save(false)}>
                {t('evidence.savePlain')}
              </button>
              <button type="button" className="button-primary" disabled={busy || passphrase === ''} aria-busy={busy} onClick={() => void save(true)}>
                {busy ? t('evidence.saving') : t('evidence.saveEncrypted')}
              </button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
