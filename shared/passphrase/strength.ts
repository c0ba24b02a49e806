/**
 * How hard a passphrase is to guess: a zxcvbn estimate (dictionaries of common passwords, English words
 * and names, keyboard patterns, dates, repeats), with the office's own names counted as known words.
 * Shared by the backend, which enforces the minimum for every new passphrase, and the UI, which shows
 * the estimate while the person types.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * 10^12 guesses. A seized laptop is attacked offline, one Argon2id derivation (64 MiB, about 0.5 s on the
 * laptop) per guess; a well-funded attacker running a few hundred of them in parallel on GPUs reaches
 * perhaps 10^5 guesses a second, so 10^12 costs them months — 10^10 (zxcvbn's top score) only hours.
 */
export const MIN_GUESSES_LOG10 = 12;

/** Zxcvbn's warning and suggestion keys, translated by each front end. */
export type StrengthWarning = keyof typeof english.translations.warnings;
export type StrengthSuggestion = keyof typeof english.translations.suggestions;

export interface PassphraseStrength {
  /** 0 (guessed at once) … 4 (very hard); the bar the UI shows. */
  score: 0 | 1 | 2 | 3 | 4;
  guessesLog10: number;
  /** Meets MIN_GUESSES_LOG10: the backend accepts it. */
  acceptable: boolean;
  warning: StrengthWarning | null;
  suggestions: StrengthSuggestion[];
}

let factory: ZxcvbnFactory | null = null;

// Building the ranked dictionaries takes a few hundred milliseconds: done once, on first use.
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** Words anyone who knows the office would try first. */
function knownWords(inputs: readonly string[]): string[] {
  const words = new Set<string>(['caseboard']);
  for (const input of inputs) {
    const trimmed = input.trim().toLowerCase();
    if (trimmed.length === 0) continue;
    words.add(trimmed);
    for (const part of trimmed.split(/[\s\p{P}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

const isWarning = (value: string | null): value is StrengthWarning => value !== null && Object.hasOwn(english.translations.warnings, value);
const isSuggestion = (value: string): value is StrengthSuggestion => Object.hasOwn(english.translations.suggestions, value);

/** `related`: the office's name, the person's name and the like, which make a passphrase easier to guess. */
export function estimatePassphrase(passphrase: string, related: readonly string[] = []): PassphraseStrength {
  const result = estimator().check(passphrase.normalize('NFC'), knownWords(related));
  const guessesLog10 = Math.max(0, result.guessesLog10);
  return {
    score: result.score,
    guessesLog10,
    acceptable: guessesLog10 >= MIN_GUESSES_LOG10,
    warning: isWarning(result.feedback.warning) ? result.feedback.warning : null,
    suggestions: result.feedback.suggestions.filter(isSuggestion),
  };
}

/** The English sentence for a warning, for the backend's error messages (the CLI prints them). */
export function englishWarning(warning: StrengthWarning | null): string | null {
  return warning ? english.translations.warnings[warning] : null;
}
