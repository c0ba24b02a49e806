import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/** A one-line reminder of the triage keys. */
export function KeyboardHint({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const keys: [string[], string][] = [
    [['j', 'k'], t('keys.move')],
    [['x'], t('keys.select')],
    [['Enter'], t('keys.open')],
    ...(canWrite
      ? ([
          [['a'], t('keys.assign')],
          [['p'], t('keys.priority')],
          [['s'], t('keys.status')],
        ] as [string[], string][])
      : []),
    [['/'], t('keys.search')],
    [['Esc'], t('keys.clear')],
  ];
  return (
    <p className="keyboard-hint">
      <span className="keyboard-hint-label">{t('keys.label')}:</span>
      {keys.map(([combo, label]) => (
        <span key={label} className="keyboard-hint-item">
          {combo.map((key, index) => (
            <Fragment key={key}>
              {index > 0 ? '/' : null}
              <kbd>{key}</kbd>
            </Fragment>
          ))}{' '}
          {label}
        </span>
      ))}
    </p>
  );
}
