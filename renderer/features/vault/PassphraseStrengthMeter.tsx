import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../shared/passphrase/strength';

/** The rate MIN_GUESSES_LOG10 is argued from: a few hundred GPUs running Argon2id. */
const ATTACKER_GUESSES_PER_SECOND = 1e5;

function guessTime(t: TFunction, guessesLog10: number): string | null {
  const seconds = 10 ** guessesLog10 / ATTACKER_GUESSES_PER_SECOND;
  const units = [
    ['years', 365 * 86_400],
    ['days', 86_400],
    ['hours', 3_600],
    ['minutes', 60],
  ] as const;
  if (seconds >= 100 * 365 * 86_400) return t('strength.time.centuries');
  for (const [unit, size] of units) {
    if (seconds >= size) return t(`strength.time.${unit}`, { count: Math.round(seconds / size) });
  }
  return null;
}

/** Shows how guessable a new passphrase is, as it is typed; `id` lets the field point at it. */
export function PassphraseStrengthMeter({ id, strength, typed }: { id: string; strength: PassphraseStrength | null; typed: boolean }) {
  const { t } = useTranslation();
  if (!typed) return <div id={id} className="strength" aria-live="polite" />;
  if (!strength) {
    return (
      <div id={id} className="strength" aria-live="polite">
        <p className="field-hint">{t('strength.checking')}</p>
      </div>
    );
  }
  const time = guessTime(t, strength.guessesLog10);
  return (
    <div id={id} className={`strength strength-${strength.score}`} aria-live="polite">
      <div className="strength-bar" aria-hidden="true">
        {[0, 1, 2, 3].map((step) => (
          <span key={step} className={step < strength.score ? 'filled' : undefined} />
        ))}
      </div>
      <p className="strength-verdict">
        {t('strength.label')}: <strong>{t(`strength.levels.${strength.score}`)}</strong>.{' '}
        {strength.acceptable ? t('strength.enough') : t('strength.notEnough')}
      </p>
      <p className="field-hint">{time ? t('strength.estimate', { time }) : t('strength.estimateInstant')}</p>
      {strength.warning ? <p className="field-hint strength-warning">{t(`strength.warnings.${strength.warning}`)}</p> : null}
      {strength.suggestions.length > 0 ? (
        <ul className="field-hint strength-suggestions">
          {strength.suggestions.map((key) => (
            <li key={key}>{t(`strength.suggestions.${key}`)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
