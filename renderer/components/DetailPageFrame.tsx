import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { FormMessage } from './FormMessage';
import { errorText } from './error-text';

export interface LeaveGuard {
  /** Runs `go` now, or once the person confirms leaving unsaved edits behind. */
  leave: (go: () => void) => void;
  setDirty: (dirty: boolean) => void;
}

interface DetailPageFrameProps<T> {
  /** Where the page's texts are: `back`, `loading`, `leaveTitle`, `leaveIntro`, `keepEditing` and `discard`. */
  texts: 'detail' | 'personPage';
  className: string;
  /** Null until the record has arrived. */
  value: T | null;
  loading: boolean;
  error: unknown;
  onBack: () => void;
  /** What the header shows after the Back button. */
  header: (value: T) => ReactNode;
  children: (value: T, guard: LeaveGuard) => ReactNode;
}

/** The page of one record: a Back button (focused on arrival), the header and body, and a question before unsaved edits are left. */
export function DetailPageFrame<T>({ texts, className, value, loading, error, onBack, header, children }: DetailPageFrameProps<T>) {
  const { t } = useTranslation();
  const backRef = useRef<HTMLButtonElement>(null);
  const [dirty, setDirty] = useState(false);
  /** Where to go once the person confirms leaving unsaved edits behind. */
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);

  useEffect(() => {
    backRef.current?.focus();
  }, []);

  const leave = (go: () => void) => (dirty ? setPendingLeave(() => go) : go());

  const back = (
    <button ref={backRef} type="button" onClick={() => leave(onBack)}>
      {t(`${texts}.back`)}
    </button>
  );

  if (value === null) {
    return (
      <div className="detail-page">
        <div className="detail-header">{back}</div>
        {error ? <FormMessage error={errorText(t, error)} /> : <p className="muted" role="status">{loading ? t(`${texts}.loading`) : ''}</p>}
      </div>
    );
  }

  return (
    <article className={className}>
      <header className="detail-header">
        {back}
        {header(value)}
      </header>
      {error ? <FormMessage error={errorText(t, error)} /> : null}
      {children(value, { leave, setDirty })}
      {pendingLeave ? (
        <Dialog title={t(`${texts}.leaveTitle`)} onClose={() => setPendingLeave(null)}>
          <p>{t(`${texts}.leaveIntro`)}</p>
          <div className="actions">
            <button type="button" autoFocus onClick={() => setPendingLeave(null)}>
              {t(`${texts}.keepEditing`)}
            </button>
            <button type="button" className="button-danger" onClick={pendingLeave}>
              {t(`${texts}.discard`)}
            </button>
          </div>
        </Dialog>
      ) : null}
    </article>
  );
}
