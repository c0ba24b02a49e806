import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRecord } from '../../../shared/domain/sync';
import { violationTypes, type ViolationType } from '../../../shared/domain/vocabularies';
import { shareGroups, type SharingPolicy } from '../../../shared/sync/policy';
import { call } from '../../api';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { problemText, type Problem } from '../../components/error-text';

const MiB = 1024 * 1024;

/** Admins: what goes to one partner. */
export function PolicyDialog({ partner, onClose, onSaved }: { partner: PartnerRecord; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<string[]>(partner.policy.entities);
  const [violations, setViolations] = useState<ViolationType[]>(partner.policy.violations);
  const [tags, setTags] = useState(partner.policy.tags.join(', '));
  const [requireConsent, setRequireConsent] = useState(partner.policy.requireConsent);
  const [maxMiB, setMaxMiB] = useState(String(Math.round((partner.policy.maxAttachmentBytes / MiB) * 10) / 10));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const size = Number(maxMiB.replace(',', '.'));
    if (!Number.isFinite(size) || size < 0 || size > 25) {
      setProblem({ text: (tr) => tr('policy.sizeInvalid') });
      return;
    }
    const policy: SharingPolicy = {
      entities: groups,
      violations,
      tags: tags.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean),
      requireConsent,
      maxAttachmentBytes: Math.round(size * MiB),
    };
    setBusy(true);
    setProblem(null);
    try {
      await call('partners.setPolicy', { id: partner.id, policy });
      onSaved();
    } catch (error) {
      setProblem({ error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('policy.title', { name: partner.name })} onClose={onClose} size="wide">
      <form className="stack" onSubmit={submit} noValidate>
        <CheckboxGroup legend={t('policy.groups')} options={shareGroups} optionLabel={(g) => t(`policy.group.${g}`)} value={groups.filter((g) => (shareGroups as readonly string[]).includes(g)) as (typeof shareGroups)[number][]} onChange={(next) => setGroups(next)} />
        <label className="check">
          <input type="checkbox" checked={requireConsent} onChange={(event) => setRequireConsent(event.target.checked)} />
          {t('policy.requireConsent')}
        </label>
        <CheckboxGroup legend={t('policy.violations')} options={violationTypes} optionLabel={(v) => t(`violations.${v}`)} value={violations} onChange={setViolations} className="columns" />
        <Field label={t('policy.tags')} hint={t('policy.tagsHint')} value={tags} onChange={(event) => setTags(event.target.value)} />
        <Field label={t('policy.maxAttachment')} inputMode="decimal" value={maxMiB} onChange={(event) => setMaxMiB(event.target.value)} />
        <p className="muted">{t('policy.never')}</p>
        <p className="muted">{t('policy.resend')}</p>
        <FormMessage error={problemText(t, problem)} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
            {busy ? t('common.working') : t('policy.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
