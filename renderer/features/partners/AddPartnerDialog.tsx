import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPreview } from '../../../shared/domain/sync';
import { officeFingerprint } from '../../../shared/sync/fingerprint';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';
import { Fingerprint } from './Fingerprint';
import { readText } from './read-file';

type Source = { kind: 'card'; card: string; preview: CardPreview } | { kind: 'keys' };

/**
 * Adding a partner: from the card file it gave, or from its two public keys. Nothing is added until the
 * person confirms they compared the fingerprint with the partner over another channel.
 */
export function AddPartnerDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'card' | 'keys'>('card');
  const [source, setSource] = useState<Source | null>(null);
  const [name, setName] = useState('');
  const [ageRecipient, setAgeRecipient] = useState('');
  const [signingKey, setSigningKey] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function pick(file: File | undefined) {
    setSource(null);
    setConfirmed(false);
    setProblem(null);
    if (!file) return;
    try {
      const card = await readText(file);
      const preview = await call('partners.previewCard', { card });
      setSource({ kind: 'card', card, preview });
      setName(preview.office);
    } catch (error) {
      setProblem({ error });
    }
  }

  const keyFingerprint = /^[0-9a-f]{64}$/i.test(signingKey.trim()) && /^age1[0-9a-z]{58}$/.test(ageRecipient.trim()) ? officeFingerprint(signingKey.trim(), ageRecipient.trim()) : null;
  const fingerprint = mode === 'card' ? (source?.kind === 'card' ? source.preview.fingerprint : null) : keyFingerprint;
  const office = mode === 'card' && source?.kind === 'card' ? source.preview.office : name;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !confirmed) return;
    setBusy(true);
    setProblem(null);
    try {
      const added =
        mode === 'card' && source?.kind === 'card'
          ? await call('partners.add', { card: source.card, fingerprintConfirmed: true, ...(name.trim() ? { name: name.trim() } : {}) })
          : await call('partners.add', { name: name.trim(), ageRecipient: ageRecipient.trim(), signingKey: signingKey.trim(), fingerprintConfirmed: true });
      onAdded(added.name);
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('addPartner.title')} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate autoComplete="off">
        <fieldset className="radio-row">
          <legend>{t('addPartner.how')}</legend>
          <label className="check">
            <input type="radio" name="partner-source" checked={mode === 'card'} onChange={() => setMode('card')} />
            {t('addPartner.fromCard')}
          </label>
          <label className="check">
            <input type="radio" name="partner-source" checked={mode === 'keys'} onChange={() => setMode('keys')} />
            {t('addPartner.fromKeys')}
          </label>
        </fieldset>
        {mode === 'card' ? (
          <Field label={t('addPartner.cardFile')} type="file" accept=".json,application/json" onChange={(event) => void pick(event.target.files?.[0])} />
        ) : (
          <>
            <Field label={t('addPartner.ageRecipient')} spellCheck={false} placeholder="age1…" value={ageRecipient} onChange={(event) => setAgeRecipient(event.target.value)} />
            <Field label={t('addPartner.signingKey')} hint={t('addPartner.signingKeyHint')} spellCheck={false} value={signingKey} onChange={(event) => setSigningKey(event.target.value)} />
          </>
        )}
        {mode === 'keys' || source ? <Field label={t('addPartner.name')} value={name} onChange={(event) => setName(event.target.value)} /> : null}
        {fingerprint ? (
          <div className="fingerprint-check stack">
            <p>{t('addPartner.compare', { office: office || t('addPartner.thePartner') })}</p>
            <Fingerprint value={fingerprint} label={t('partners.fingerprint')} />
            <label className="check">
              <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
              {t('addPartner.confirm', { office: office || t('addPartner.thePartner') })}
            </label>
          </div>
        ) : null}
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy || !confirmed || !fingerprint || !name.trim()} aria-busy={busy}>
            {busy ? t('common.working') : t('addPartner.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
