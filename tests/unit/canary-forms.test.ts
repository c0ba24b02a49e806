import { describe, expect, it } from 'vitest';
import { bufferContainsAny, canary, canaryForms } from '../fixtures/data-dir';

describe('the leak scan looks for every encoding a canary can take', () => {
  const value = canary('LEAK');
  const forms = canaryForms(value);

  it('finds it as UTF-8, UTF-16LE and UTF-16BE inside other bytes', () => {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      expect(bufferContainsAny(Buffer.concat([Buffer.from('prefix '), Buffer.from(value, encoding), Buffer.from(' suffix')]), forms)).toBe(true);
    }
    expect(bufferContainsAny(Buffer.concat([Buffer.from([1, 2]), Buffer.from(value, 'utf16le').swap16()]), forms)).toBe(true);
  });

  it('finds it base64-encoded at every offset inside a longer text', () => {
    for (let prefix = 0; prefix < 6; prefix++) {
      const encoded = Buffer.concat([Buffer.alloc(prefix, 0x41), Buffer.from(value), Buffer.from('tail')]).toString('base64');
      expect(bufferContainsAny(Buffer.from(`{"data":"${encoded}"}`), forms), `prefix ${prefix}`).toBe(true);
    }
  });

  it('does not find another canary', () => {
    expect(bufferContainsAny(Buffer.from(canary('LEAK')), forms)).toBe(false);
  });
});
