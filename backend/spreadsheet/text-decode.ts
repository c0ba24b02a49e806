import { AppError } from '../../shared/errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a text file: UTF-8 (BOM stripped), UTF-16 LE/BE (by BOM, or by the pattern of zero bytes when a
 * UTF-16 file has lost its BOM), else — when the bytes are not valid UTF-8 — windows-1251, which is what
 * Excel in Belarusian and Russian locales writes when it saves "CSV". A UTF-8 file with a few stray invalid
 * bytes (a line pasted from elsewhere, a cut-off last character) stays UTF-8, with those bytes replaced.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const encoding = detectEncoding(bytes);
  if (encoding !== 'utf-8') return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    return { text: utf8.decode(bytes), encoding };
  } catch {
    const { sequences, invalid } = utf8Census(bytes);
    if (sequences >= 10 * invalid) return { text: new TextDecoder('utf-8').decode(bytes), encoding };
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that fit none. */
function utf8Census(bytes: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      sequences++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { sequences, invalid };
}

function detectEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // No BOM: text in UTF-16 has a zero byte in (nearly) every pair for Latin text, and often for the rest.
  const pairs = Math.min(bytes.length >> 1, 4096);
  if (pairs >= 2) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < pairs; i++) {
      if (bytes[2 * i] === 0) evenZeros++;
      if (bytes[2 * i + 1] === 0) oddZeros++;
    }
    if (oddZeros >= pairs * 0.3 && evenZeros === 0) return 'utf-16le';
    if (evenZeros >= pairs * 0.3 && oddZeros === 0) return 'utf-16be';
  }
  return 'utf-8';
}

/** Text with NUL or many other control characters is a binary file someone named .csv. */
export function assertLooksLikeText(text: string, fileName: string): void {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw notText(fileName);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) controls++;
  }
  if (controls > Math.max(2, sample.length * 0.01)) throw notText(fileName);
}

const notText = (fileName: string) =>
  new AppError('VALIDATION', `"${fileName}" does not look like a CSV text file. Save the spreadsheet as CSV (UTF-8) or as an Excel .xlsx workbook and try again.`);
