import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type AttachmentMeta } from '../../../../shared/domain/cases';
import { call } from '../../../api';
import { Dialog } from '../../../components/Dialog';
import { FormMessage } from '../../../components/FormMessage';
import { problemText, type Problem } from '../../../components/error-text';
import { formatDateTime } from '../../../components/format-date';
import { mediaTypeOf, readFileAsBase64 } from '../../../components/read-file';
import { formatBytes } from '../../../i18n/locale';

interface AttachmentsSectionProps {
  caseId: string;
  attachments: AttachmentMeta[];
  canWrite: boolean;
  onAdded: (meta: AttachmentMeta) => void;
}

/**
 * Evidence files: name, size, the SHA-256 taken at intake, when and by whom. Anyone may save a copy out of
 * the vault, after a warning that the copy is not encrypted.
 */
export function AttachmentsSection({ caseId, attachments, canWrite, onAdded }: AttachmentsSectionProps) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The attachment whose copy waits for the "not encrypted" confirmation, then the one being saved. */
  const [confirming, setConfirming] = useState<AttachmentMeta | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [copyOutcome, setCopyOutcome] = useState<{ name: string; path: string | null } | null>(null);
  const lng = i18n.language;

  async function saveCopy(meta: AttachmentMeta) {
    setConfirming(null);
    setProblem(null);
    setDone(null);
    setCopyOutcome(null);
    setSaving(meta.fileName);
    try {
      const { path } = await call('attachments.save', { id: meta.id });
      setCopyOutcome({ name: meta.fileName, path });
    } catch (error) {
      setProblem({ error });
    } finally {
      setSaving(null);
    }
  }

  async function add(file: File) {
    setProblem(null);
    setDone(null);
    setCopyOutcome(null);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      const { name, size } = file;
      setProblem({
        text: (tr) => tr('attachments.tooLarge', { name, size: formatBytes(size, lng), max: formatBytes(MAX_ATTACHMENT_BYTES, lng) }),
      });
      return;
    }
    setAdding(file.name);
    try {
      const dataBase64 = await readFileAsBase64(file);
      const meta = await call('attachments.add', { caseId, fileName: file.name, mediaType: mediaTypeOf(file), dataBase64 });
      onAdded(meta);
      setDone(meta.fileName);
    } catch (error) {
      setProblem({ error });
    } finally {
      setAdding(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  function successText(): string | null {
    if (copyOutcome) {
      return copyOutcome.path === null ? t('attachments.cancelled') : t('attachments.savedCopy', { name: copyOutcome.name, path: copyOutcome.path });
    }
    return done ? t('attachments.done', { name: done }) : null;
  }

  return (
    <section className="detail-section attachments-section">
      <h3>{t('attachments.heading')}</h3>
      {attachments.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <div className="data-table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('attachments.fileName')}</th>
                <th scope="col" className="numeric">
                  {t('attachments.size')}
                </th>
                <th scope="col">{t('attachments.sha256')}</th>
                <th scope="col">{t('attachments.added')}</th>
                <th scope="col">{t('attachments.by')}</th>
                <th scope="col">{t('attachments.copy')}</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((meta) => (
                <tr key={meta.id}>
                  <td className="wrap">{meta.fileName}</td>
                  <td className="numeric">{formatBytes(meta.size, lng)}</td>
                  <td>
                    <code className="hash">{meta.sha256}</code>
                  </td>
                  <td>{formatDateTime(meta.createdAt, lng)}</td>
                  <td>{meta.createdBy?.name ?? t('common.none')}</td>
                  <td>
                    <button
                      type="button"
                      className="button-quiet nowrap"
                      aria-label={t('attachments.saveCopyName', { name: meta.fileName })}
                      disabled={saving !== null}
                      onClick={() => setConfirming(meta)}
                    >
                      {t('attachments.saveCopy')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-hint">{t('attachments.hashNote')}</p>
        </div>
      )}
      {canWrite ? (
        <div className="field attach-field">
          <label htmlFor={inputId}>{t('attachments.add')}</label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            disabled={adding !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void add(file);
            }}
          />
        </div>
      ) : null}
      {adding ? (
        <p className="progress-line" role="status">
          <progress aria-label={t('attachments.adding', { name: adding })} />
          <span>{t('attachments.adding', { name: adding })}</span>
        </p>
      ) : null}
      {saving ? (
        <p className="progress-line" role="status">
          <progress aria-label={t('attachments.savingCopy', { name: saving })} />
          <span>{t('attachments.savingCopy', { name: saving })}</span>
        </p>
      ) : null}
      <FormMessage error={problemText(t, problem)} success={successText()} />
      {confirming ? (
        <Dialog title={t('attachments.confirmTitle')} onClose={() => setConfirming(null)}>
          <p className="warning-text">{t('attachments.confirmText')}</p>
          <div className="actions">
            <button type="button" autoFocus onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-danger" onClick={() => void saveCopy(confirming)}>
              {t('attachments.saveAnyway')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
