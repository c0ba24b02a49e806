import { AppError } from '../shared/errors';

/**
 * Refuses a new passphrase that an offline attacker would guess too soon (see MIN_GUESSES_LOG10).
 * `what` names the field in the message; `related` are the names an attacker would try first.
 * The estimator's dictionaries load on first use, so commands that choose no passphrase never pay for them.
 */
export async function requireStrongPassphrase(passphrase: string, related: readonly string[], what: string): Promise<void> {
  const { englishWarning, estimatePassphrase, MIN_GUESSES_LOG10 } = await import('../shared/passphrase/strength');
  const strength = estimatePassphrase(passphrase, related);
  if (strength.acceptable) return;
  const why = englishWarning(strength.warning);
  throw new AppError(
    'WEAK_PASSPHRASE',
    `${what} is too easy to guess (about 10^${Math.floor(strength.guessesLog10)} guesses; at least 10^${MIN_GUESSES_LOG10} are needed)${why ? `: ${why}` : ''}. Use four or more unrelated words.`,
  );
}
