/**
 * Money without floating point. An amount is an integer count of the currency's minor unit (cents, kopecks)
 * with its ISO 4217 code. Single amounts travel as JS numbers, bounded far below 2^53 so they stay exact;
 * totals are bigint here and decimal strings across the API, since a sum of many amounts may not fit.
 */
import { AppError } from '../errors';

/** ISO 4217 minor-unit exponents of the currencies an office in exile pays in, and the common reserve ones. */
export const currencyExponents = {
  EUR: 2,
  USD: 2,
  BYN: 2,
  PLN: 2,
  UAH: 2,
  RUB: 2,
  GEL: 2,
  GBP: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  CZK: 2,
  HUF: 2,
  CAD: 2,
  KZT: 2,
  JPY: 0,
  KRW: 0,
  ISK: 0,
  KWD: 3,
  BHD: 3,
  JOD: 3,
  TND: 3,
} as const;
export type Currency = keyof typeof currencyExponents;
export const currencies = Object.keys(currencyExponents) as Currency[];

/**
 * One payment of at most 10^13 minor units (100 billion euro): far above any real amount, far below 2^53, so
 * sums of up to ~900 maximal amounts are still exact as numbers. Totals use bigint regardless.
 */
export const MAX_AMOUNT_MINOR = 10_000_000_000_000;

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(currencyExponents, code);
}

export function exponentOf(currency: string): number {
  if (!isCurrency(currency)) throw new AppError('INVALID_AMOUNT', `${currency.slice(0, 10)} is not a currency Caseboard knows (ISO 4217 code such as EUR, USD, BYN, PLN).`);
  return currencyExponents[currency];
}

/**
 * Parses "150", "150.5" or "150.00" into minor units, exactly. Rejects more decimals than the currency has
 * (JPY has none), signs, exponents, thousands separators and anything else: an amount is typed, not guessed.
 * A decimal comma ("150,00") is accepted, as Belarusian and Russian keyboards type it.
 */
export function parseAmount(text: string, currency: string, options: { allowZero?: boolean } = {}): number {
  const exponent = exponentOf(currency);
  const trimmed = text.trim().replace(',', '.');
  const match = /^(\d{1,24})(?:\.(\d+))?$/.exec(trimmed);
  if (!match) throw new AppError('INVALID_AMOUNT', `"${text.slice(0, 40)}" is not an amount: write digits with at most one decimal point, e.g. 150.00.`);
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new AppError('INVALID_AMOUNT', exponent === 0 ? `${currency} has no minor unit: "${text.slice(0, 40)}" must be a whole number.` : `${currency} has ${exponent} decimals: "${text.slice(0, 40)}" has ${fraction.length}.`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  if (minor > BigInt(MAX_AMOUNT_MINOR)) throw new AppError('INVALID_AMOUNT', `"${text.slice(0, 40)}" is larger than any payment Caseboard accepts.`);
  if (minor === 0n && !options.allowZero) throw new AppError('INVALID_AMOUNT', 'The amount must be more than zero.');
  return Number(minor);
}

/** Minor units as a plain decimal string in the currency's exponent: 15000 EUR → "150.00", -5 → "-0.05". */
export function formatMinor(minor: bigint | number, currency: string): string {
  const exponent = exponentOf(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Sums minor units exactly, whatever their count. */
export function sumMinor(values: Iterable<bigint | number | string>): bigint {
  let total = 0n;
  for (const value of values) total += BigInt(value);
  return total;
}

/** A total in one currency, as it crosses the API: the exact minor units as a decimal string, and formatted. */
export interface MoneyTotal {
  currency: string;
  minor: string;
  amount: string;
}

export function moneyTotal(currency: string, minor: bigint): MoneyTotal {
  return { currency, minor: minor.toString(), amount: formatMinor(minor, currency) };
}

/** A positive exchange rate as typed ("4.2571"), as an exact fraction. */
export function parseRate(text: string): { numerator: bigint; denominator: bigint } {
  const match = /^(\d{1,12})(?:[.,](\d{1,12}))?$/.exec(text.trim());
  if (!match) throw new AppError('INVALID_AMOUNT', `"${text.slice(0, 40)}" is not an exchange rate: write it as digits with a decimal point, e.g. 3.4521.`);
  const [, whole = '', fraction = ''] = match;
  const numerator = BigInt(whole + fraction);
  if (numerator === 0n) throw new AppError('INVALID_AMOUNT', 'An exchange rate must be more than zero.');
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/** n / d rounded to the nearest integer, ties to even (so rounding errors do not drift one way over many totals). */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new AppError('INTERNAL', 'Division by a non-positive number.');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const r = abs % d;
  if (r * 2n > d || (r * 2n === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * Converts a total with a rate the person typed (units of `to` per one unit of `from`). The exact product is
 * rounded once, half to even, to the target currency's minor unit.
 */
export function convertMinor(minor: bigint, from: string, to: string, rate: string): bigint {
  const { numerator, denominator } = parseRate(rate);
  const scaleFrom = 10n ** BigInt(exponentOf(from));
  const scaleTo = 10n ** BigInt(exponentOf(to));
  return divideHalfEven(minor * numerator * scaleTo, denominator * scaleFrom);
}

/** `part / whole` in basis points (1/100 of a percent), rounded down; `whole` must be positive. */
export function basisPoints(part: bigint, whole: bigint): number {
  if (whole <= 0n) throw new AppError('INTERNAL', 'A share of a non-positive whole.');
  return Number((part * 10_000n) / whole);
}
