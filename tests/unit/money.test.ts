import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { convertMinor, currencies, divideHalfEven, exponentOf, formatMinor, MAX_AMOUNT_MINOR, parseAmount, sumMinor } from '../../shared/domain/money';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
};

describe('parsing amounts', () => {
  it('reads decimal strings exactly in the currency exponent', () => {
    expect(parseAmount('150.00', 'EUR')).toBe(15_000);
    expect(parseAmount('150', 'EUR')).toBe(15_000);
    expect(parseAmount('150.5', 'EUR')).toBe(15_050);
    expect(parseAmount(' 0.01 ', 'BYN')).toBe(1);
    expect(parseAmount('150,25', 'PLN')).toBe(15_025);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
    expect(parseAmount('1.234', 'KWD')).toBe(1234);
    expect(parseAmount('0.10', 'EUR')).toBe(10);
    // The classic float trap: 0.1 + 0.2 and 1.005 stay exact.
    expect(parseAmount('1.005', 'KWD')).toBe(1005);
    expect(parseAmount('100000000000.00', 'EUR')).toBe(MAX_AMOUNT_MINOR);
  });

  it('rejects too many decimals, signs, exponents, separators and unknown currencies with INVALID_AMOUNT', () => {
    expect(code(() => parseAmount('150.005', 'EUR'))).toBe('INVALID_AMOUNT: EUR has 2 decimals: "150.005" has 3.');
    expect(code(() => parseAmount('1.5', 'JPY'))).toBe('INVALID_AMOUNT: JPY has no minor unit: "1.5" must be a whole number.');
    for (const bad of ['-1', '+1', '1e3', '1 000', '1,000.00', '.5', '5.', '', 'NaN', 'Infinity', '0x10', '１５０']) {
      expect(code(() => parseAmount(bad, 'EUR'))).toMatch(/^INVALID_AMOUNT: .* is not an amount/);
    }
    expect(code(() => parseAmount('0', 'EUR'))).toBe('INVALID_AMOUNT: The amount must be more than zero.');
    expect(parseAmount('0', 'EUR', { allowZero: true })).toBe(0);
    expect(code(() => parseAmount('100000000000.01', 'EUR'))).toMatch(/larger than any payment/);
    expect(code(() => parseAmount('1', 'XXX'))).toMatch(/^INVALID_AMOUNT: XXX is not a currency/);
  });

  it('round-trips every amount: parse(format(x)) = x, in every currency (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }), (currency, minor) => {
        const text = formatMinor(minor, currency);
        expect(text).toMatch(exponentOf(currency) === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${exponentOf(currency)}}$`));
        expect(parseAmount(text, currency)).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with decimal string arithmetic for any whole and fraction typed (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999n }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, '0')}`;
        const minor = whole * 100n + BigInt(cents);
        if (minor === 0n || minor > BigInt(MAX_AMOUNT_MINOR)) return;
        expect(BigInt(parseAmount(text, 'EUR'))).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sums and formatting', () => {
  it('formats negative amounts and zero', () => {
    expect(formatMinor(-5, 'EUR')).toBe('-0.05');
    expect(formatMinor(0, 'EUR')).toBe('0.00');
    expect(formatMinor(-12_000n, 'EUR')).toBe('-120.00');
    expect(formatMinor(7, 'JPY')).toBe('7');
    expect(formatMinor(1, 'KWD')).toBe('0.001');
  });

  it('sums exactly beyond 2^53, in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }), { maxLength: 2000 }), (values) => {
        const forward = sumMinor(values);
        expect(sumMinor([...values].reverse())).toBe(forward);
        expect(forward).toBe(values.reduce((acc, v) => acc + BigInt(v), 0n));
        expect(sumMinor(values.map(String))).toBe(forward);
      }),
      { numRuns: 300 },
    );
    const many = Array.from({ length: 1000 }, () => MAX_AMOUNT_MINOR);
    expect(sumMinor(many)).toBe(10_000_000_000_000_000n);
    expect(formatMinor(sumMinor(many), 'EUR')).toBe('100000000000000.00');
  });
});

describe('conversion at a typed rate', () => {
  it('rounds once, half to even, in the target exponent', () => {
    expect(convertMinor(51_049n, 'EUR', 'BYN', '3.4521')).toBe(176_226n);
    expect(convertMinor(100n, 'EUR', 'JPY', '163.5')).toBe(164n);
    expect(convertMinor(100n, 'EUR', 'JPY', '162.5')).toBe(162n);
    expect(convertMinor(-100n, 'EUR', 'JPY', '162.5')).toBe(-162n);
    expect(convertMinor(1500n, 'JPY', 'EUR', '0.0061')).toBe(915n);
    expect(code(() => convertMinor(1n, 'EUR', 'USD', '0'))).toMatch(/^INVALID_AMOUNT: An exchange rate must be more than zero/);
    expect(code(() => convertMinor(1n, 'EUR', 'USD', '1e3'))).toMatch(/^INVALID_AMOUNT: .* is not an exchange rate/);
  });

  it('half-even division equals the exact rational rounded (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divideHalfEven(n, d);
        const twice = 2n * (n - q * d);
        const abs = (x: bigint) => (x < 0n ? -x : x);
        // Within half a unit, and exactly half only when the result is even.
        expect(abs(twice) <= d).toBe(true);
        if (abs(twice) === d) expect(q % 2n).toBe(0n);
      }),
      { numRuns: 2000 },
    );
  });

  it('converting with rate 1 between same-exponent currencies changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }), (minor) => {
        expect(convertMinor(BigInt(minor), 'EUR', 'USD', '1')).toBe(BigInt(minor));
        expect(convertMinor(BigInt(minor), 'EUR', 'USD', '1.000000')).toBe(BigInt(minor));
      }),
    );
  });
});
