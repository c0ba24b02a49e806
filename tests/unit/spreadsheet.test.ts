import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/domain/cases';
import { MAX_IMPORT_BYTES } from '../../shared/domain/spreadsheet';
import { AppError } from '../../shared/errors';
import {
  casesToCsv,
  casesToXlsx,
  guessMapping,
  mappingSignature,
  missingRequiredFields,
  neutralizeFormula,
  parseSpreadsheet,
  toCaseInputs,
} from '../../backend/spreadsheet';
import { normalizeArticle, parseEventDate } from '../../backend/spreadsheet/cell-values';
import { matchPriority, matchRegion, matchStatus, matchViolation } from '../../backend/spreadsheet/vocabulary-match';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: build real files in memory.

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** Windows-1251, by hand: Latin as is, А–я at 0xC0–0xFF, and the letters outside that block Belarusian needs. */
function cp1251(text: string): Uint8Array {
  const extra: Record<string, number> = { Ё: 0xa8, ё: 0xb8, І: 0xb2, і: 0xb3, Ў: 0xa1, ў: 0xa2, '«': 0xab, '»': 0xbb, '№': 0xb9 };
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      const byte = extra[ch];
      if (byte === undefined) throw new Error(`no cp1251 byte for ${ch}`);
      return byte;
    }),
  );
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + 2 * i] = code & 0xff;
    out[3 + 2 * i] = code >> 8;
  }
  return out;
}

/** A minimal zip writer (deflate), enough to hand-craft hostile workbooks. */
function zip(entries: { name: string; data: Uint8Array; declaredSize?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The entries of a zip written by exceljs (deflated, sizes in the central directory). */
function unzip(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries: { name: string; data: Uint8Array }[] = [];
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.subarray(start, start + size);
    entries.push({ name, data: method === 8 ? inflateRawSync(packed) : packed });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

async function workbookBytes(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Sheet 1'), workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Resolves to the AppError a promise rejects with; fails the test on anything else. */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the promise to reject');
}

async function expectValidationError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await appErrorOf(promise);
  expect(error.code).toBe('VALIDATION');
  expect(error.message).toMatch(message);
}

// ---------------------------------------------------------------------------------------------------------------

describe('parseSpreadsheet: CSV', () => {
  it('reads UTF-8 with a BOM, semicolons and Belarusian headers, and maps and converts the rows', async () => {
    const csv = [
      'Назва;Прозвішча, імя;Вобласць;Прыярытэт;Статус;Парушэнні;Дата;Артыкулы;Тэгі;Месца ўтрымання',
      'Справа Іванова;Іваноў Іван;Гомельская вобл.;Тэрмінова;У рабоце;"Затрыманне; Ператрус";14.08.2020;"ст. 342; 361-1";Пратэст, Студэнт;ПК-15',
      '"Справа; з кропкай з коскай";Пятрова Анна;Мінск;high;closed;search;2021-03;ч. 2 ст. 342;;',
    ].join('\r\n');
    const sheet = await parseSpreadsheet('справы.csv', withBom(csv));
    expect(sheet.format).toBe('csv');
    expect(sheet.columns).toEqual(['Назва', 'Прозвішча, імя', 'Вобласць', 'Прыярытэт', 'Статус', 'Парушэнні', 'Дата', 'Артыкулы', 'Тэгі', 'Месца ўтрымання']);
    expect(sheet.rows[1]![0]).toBe('Справа; з кропкай з коскай');
    expect(sheet.lines).toEqual([2, 3]);

    const mapping = guessMapping(sheet.columns);
    expect(mapping).toEqual({
      title: 'Назва',
      personName: 'Прозвішча, імя',
      region: 'Вобласць',
      priority: 'Прыярытэт',
      status: 'Статус',
      violations: 'Парушэнні',
      eventDate: 'Дата',
      articles: 'Артыкулы',
      tags: 'Тэгі',
      placeOfDetention: 'Месца ўтрымання',
    });

    const { inputs, reports } = toCaseInputs(sheet.columns, sheet.rows, mapping, sheet.lines);
    expect(reports.map((r) => r.errors)).toEqual([[], []]);
    expect(inputs[0]).toEqual({
      case: expect.objectContaining({
        title: 'Справа Іванова',
        personName: 'Іваноў Іван',
        region: 'gomel',
        priority: 'urgent',
        violations: ['detention', 'search'],
        eventDate: '2020-08-14',
        articles: ['342', '361-1'],
        tags: ['пратэст', 'студэнт'],
        placeOfDetention: 'ПК-15',
      }),
      status: 'open',
    });
    expect(inputs[1]).toEqual({
      case: expect.objectContaining({ region: 'minsk-city', priority: 'high', violations: ['search'], eventDate: '2021-03', articles: ['342 ч. 2'] }),
      status: 'closed',
    });
    expect(reports[0]).toMatchObject({ line: 2, values: { region: 'Гомельская вобл.', status: 'У рабоце' } });
  });

  it('decodes windows-1251, as Excel in Russian and Belarusian locales saves "CSV"', async () => {
    const text = 'Название;ФИО;Область;Описание\r\nДело Ёлкина;Ёлкин Пётр;Витебская область;Затрыманы ў Віцебску «за пратэст» №5\r\n';
    const bytes = cp1251(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const sheet = await parseSpreadsheet('export.csv', bytes);
    expect(sheet.columns).toEqual(['Название', 'ФИО', 'Область', 'Описание']);
    expect(sheet.rows).toEqual([['Дело Ёлкина', 'Ёлкин Пётр', 'Витебская область', 'Затрыманы ў Віцебску «за пратэст» №5']]);
    const { inputs } = toCaseInputs(sheet.columns, sheet.rows, guessMapping(sheet.columns));
    expect(inputs[0]?.case).toMatchObject({ title: 'Дело Ёлкина', personName: 'Ёлкин Пётр', region: 'vitebsk', summary: 'Затрыманы ў Віцебску «за пратэст» №5' });
  });

  it('keeps a UTF-8 file with one stray byte as UTF-8', async () => {
    const bytes = new Uint8Array([...utf8('Назва,Прозвішча,Вобласць\nСправа,Іваноў,Мінск\nx,y,'), 0xc0]);
    const sheet = await parseSpreadsheet('a.csv', bytes);
    expect(sheet.columns).toEqual(['Назва', 'Прозвішча', 'Вобласць']);
    expect(sheet.rows[1]).toEqual(['x', 'y', '\uFFFD']);
  });

  it('decodes UTF-16 LE with a BOM, tab-separated', async () => {
    const sheet = await parseSpreadsheet('cases.txt', utf16le('Title\tName\tRegion\r\nCase one\tАнна\tBrest\r\n'));
    expect(sheet).toEqual({ format: 'csv', columns: ['Title', 'Name', 'Region'], rows: [['Case one', 'Анна', 'Brest']], lines: [2] });
  });

  it('detects commas, keeps quoted delimiters and line breaks, and skips blank rows while counting them', async () => {
    const csv = 'Title,Person,Region\n\n"A, with comma","Line\nbreak",Minsk\n,,\n  \nB,C,Grodno\n';
    const sheet = await parseSpreadsheet('a.csv', utf8(csv));
    expect(sheet.rows).toEqual([
      ['A, with comma', 'Line\nbreak', 'Minsk'],
      ['B', 'C', 'Grodno'],
    ]);
    expect(sheet.lines).toEqual([3, 6]);
  });

  it('trims headers, names empty ones and numbers repeated ones; pads short rows', async () => {
    const sheet = await parseSpreadsheet('a.csv', utf8(' Title ;;Name;Name;Name (2)\nx;y;z\n'));
    expect(sheet.columns).toEqual(['Title', 'Column 2', 'Name', 'Name (3)', 'Name (2)']);
    expect(sheet.rows).toEqual([['x', 'y', 'z', '', '']]);
  });

  it('adds a column for data beyond the last header', async () => {
    const sheet = await parseSpreadsheet('a.csv', utf8('a,b\n1,2,3\n'));
    expect(sheet.columns).toEqual(['a', 'b', 'Column 3']);
  });

  it('refuses an unclosed quote with its row', async () => {
    await expectValidationError(parseSpreadsheet('a.csv', utf8('a,b\n1,2\n"3,4\n5,6\n')), /Row 3 .*never closed/);
  });
});

describe('parseSpreadsheet: XLSX', () => {
  it('reads dates, numbers, rich text, formulas and links as text, from the first visible sheet', async () => {
    const bytes = await workbookBytes((sheet, workbook) => {
      sheet.addRow(['Title', ' Name ', '', 'Date', 'Count', 'Notes', 'Link', 'Formula', 'Title']);
      sheet.addRow([]);
      sheet.addRow([
        'Case 1',
        { richText: [{ text: 'Ivan ', font: { bold: true } }, { text: 'Petrov' }] },
        'x',
        new Date(Date.UTC(2021, 7, 14)),
        42,
        0.1 + 0.2,
        { text: 'Viasna', hyperlink: 'https://spring96.org' },
        { formula: 'E3*2', result: 84 },
        true,
      ]);
      sheet.getCell('D3').numFmt = 'dd.mm.yyyy';
      sheet.addRow(['Case 2', 'Anna', '', '', 375291234567]);
      workbook.addWorksheet('Other').addRow(['ignored']);
    });
    const sheet = await parseSpreadsheet('Cases.XLSX', bytes);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.columns).toEqual(['Title', 'Name', 'Column 3', 'Date', 'Count', 'Notes', 'Link', 'Formula', 'Title (2)']);
    expect(sheet.rows).toEqual([
      ['Case 1', 'Ivan Petrov', 'x', '2021-08-14', '42', '0.3', 'Viasna', '84', 'TRUE'],
      ['Case 2', 'Anna', '', '', '375291234567', '', '', '', ''],
    ]);
    expect(sheet.lines).toEqual([3, 4]);
  });

  it('skips a hidden first sheet', async () => {
    const bytes = await workbookBytes((hidden, workbook) => {
      hidden.state = 'hidden';
      hidden.addRow(['secret']);
      hidden.addRow(['x']);
      const visible = workbook.addWorksheet('Visible');
      visible.addRow(['Title']);
      visible.addRow(['shown']);
    });
    expect((await parseSpreadsheet('a.xlsx', bytes)).rows).toEqual([['shown']]);
  });
});

describe('toCaseInputs', () => {
  const columns = ['Title', 'Person', 'Region', 'Priority', 'Status', 'Violations', 'Date', 'Articles', 'Tags'];
  const mapping = guessMapping(columns);

  it('maps English headers', () => {
    expect(mapping).toEqual({
      title: 'Title', personName: 'Person', region: 'Region', priority: 'Priority', status: 'Status',
      violations: 'Violations', eventDate: 'Date', articles: 'Articles', tags: 'Tags',
    });
  });

  it('reports each bad row with its line and readable errors, and keeps the good ones', async () => {
    const csv = [
      columns.join(','),
      'Good,Anna,Minsk region,Low,New,Fine,2020,342,',
      ',Boris,Lodz,Extreme,Lost,"Fine; Flying",31.02.2021,abc,',
      '',
      'Also good,Vera,,,,,,,',
      'No person,,brest,,,,,,',
      `${'x'.repeat(301)},Gleb,Vitebsk,,,,,,${'t'.repeat(61)}`,
    ].join('\n');
    const sheet = await parseSpreadsheet('a.csv', utf8(csv));
    const { inputs, reports } = toCaseInputs(sheet.columns, sheet.rows, mapping, sheet.lines);
    expect(reports.map((r) => r.line)).toEqual([2, 3, 5, 6, 7]);
    expect(inputs.map((i) => i !== null)).toEqual([true, false, true, false, false]);
    expect(inputs[0]).toEqual({
      case: { title: 'Good', personName: 'Anna', region: 'minsk', priority: 'low', violations: ['fine'], eventDate: '2020', articles: ['342'], summary: '' },
      status: 'new',
    });
    expect(reports[1]!.errors).toEqual(
      expect.arrayContaining([
        'region: "Lodz" is not a known region',
        'priority: "Extreme" is not a known priority',
        'status: "Lost" is not a known status',
        'violations: "Flying" is not a known violation type',
        expect.stringMatching(/^eventDate: "31\.02\.2021" is not a date/),
        expect.stringMatching(/^title: is required/),
        expect.stringMatching(/^articles: "abc" must be a criminal-code article/),
      ]),
    );
    expect(reports[1]!.errors).toHaveLength(7);
    expect(reports[1]!.values).toMatchObject({ title: '', personName: 'Boris', region: 'Lodz' });
    expect(inputs[2]).toEqual({ case: expect.objectContaining({ region: 'unknown', priority: 'normal' }) });
    expect(reports[3]!.errors).toEqual(['personName: is required']);
    expect(reports[4]!.errors).toEqual([
      'title: must be at most 300 characters',
      `tags: "${'t'.repeat(61)}" must be at most 60 characters`,
    ]);
  });

  it('numbers rows from line 2 when no lines are given', () => {
    const { reports } = toCaseInputs(['T', 'P', 'R'], [['a', 'b', 'minsk'], ['c', 'd', 'minsk']], { title: 'T', personName: 'P', region: 'R' });
    expect(reports.map((r) => r.line)).toEqual([2, 3]);
  });

  it('refuses a mapping without the required fields, or naming a column not in the file', () => {
    expect(missingRequiredFields({ title: 'T' })).toEqual(['personName', 'region']);
    let error: unknown;
    try {
      toCaseInputs(['T'], [['a']], { title: 'T' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).message).toBe("Map a column to Person's name and Region before importing.");
    expect(() => toCaseInputs(['T'], [['a']], { title: 'T', personName: 'P', region: 'R' })).toThrow(/"P" chosen for Person's name is not in the file/);
  });

  it('reads region, priority, status and violation labels in every language, keys, and common spellings', () => {
    const regions: [string, string][] = [
      ['Minsk', 'minsk-city'], ['г. Минск', 'minsk-city'], ['Minsk (city)', 'minsk-city'], ['minsk-city', 'minsk-city'], ['Мінск', 'minsk-city'],
      ['Мінская вобл.', 'minsk'], ['Минская область', 'minsk'], ['Minsk region', 'minsk'], ['minsk', 'minsk-city'],
      ['Гомель', 'gomel'], ['Homiel', 'gomel'], ['Гродзенская вобласць', 'grodno'], ['Hrodna', 'grodno'], ['Могилёвская обл', 'mogilev'],
      ['Магілёў', 'mogilev'], ['брэст', 'brest'], ['VITEBSK REGION', 'vitebsk'], ['За мяжой', 'abroad'], ['Неизвестно', 'unknown'],
    ];
    for (const [value, key] of regions) expect(matchRegion(value), value).toBe(key);
    expect(matchRegion('Lodz')).toBeUndefined();
    expect(matchPriority('Срочно')).toBe('urgent');
    expect(matchPriority('Звычайны')).toBe('normal');
    expect(matchStatus('Закрыта')).toBe('closed');
    expect(matchStatus('в работе')).toBe('open');
    expect(matchViolation('Внесение в «экстремистские» списки')).toBe('extremist-listing');
    expect(matchViolation('"extremist" listing')).toBe('extremist-listing');
    expect(matchViolation('Адміністрацыйны арышт')).toBe('administrative-arrest');
    expect(matchViolation('property-seizure')).toBe('property-seizure');
  });

  it('reads event dates and articles as people write them', () => {
    const dates: [string, string | undefined][] = [
      ['2021', '2021'], ['2021-8', '2021-08'], ['2021-08-14', '2021-08-14'], ['14.08.2021', '2021-08-14'], ['4.8.2021 г.', '2021-08-04'],
      ['08.2021', '2021-08'], ['2021-08-14T10:00:00Z', '2021-08-14'], ['31.02.2021', undefined], ['1800', undefined], ['08/14/2021', undefined],
      ['yesterday', undefined],
    ];
    for (const [value, date] of dates) expect(parseEventDate(value), value).toBe(date);
    expect(normalizeArticle('ст. 342')).toBe('342');
    expect(normalizeArticle('ч. 2 ст. 342 УК')).toBe('342 ч. 2');
    expect(normalizeArticle('Артыкул 361-1')).toBe('361-1');
  });
});

describe('guessMapping and mappingSignature', () => {
  it('maps Russian headers, partial ones, and leaves unknown ones alone', () => {
    expect(
      guessMapping(['№', 'ФИО', 'Название', 'Регион', 'Приоритет', 'Описание', 'Город', 'Место содержания', 'Приговор', 'Нарушения', 'Статьи', 'Дата задержания', 'Теги', 'Дата рождения']),
    ).toEqual({
      personName: 'ФИО', title: 'Название', region: 'Регион', priority: 'Приоритет', summary: 'Описание', locality: 'Город',
      placeOfDetention: 'Место содержания', sentence: 'Приговор', violations: 'Нарушения', articles: 'Статьи', eventDate: 'Дата задержания', tags: 'Теги',
    });
    expect(guessMapping(['Case', 'Victim name', 'Oblast', 'Description of events', 'Date of birth', 'Violation type'])).toEqual({
      title: 'Case', personName: 'Victim name', region: 'Oblast', summary: 'Description of events', violations: 'Violation type',
    });
    expect(guessMapping(['Foo', 'Bar'])).toEqual({});
  });

  it('gives a stable key for a set of headers, whatever their order and case', () => {
    const a = mappingSignature(['Title', 'Имя', 'Region']);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(mappingSignature([' region', 'имя', 'TITLE'])).toBe(a);
    expect(mappingSignature(['Title', 'Имя'])).not.toBe(a);
    expect(mappingSignature(['Title', 'Имя', 'Region', ''])).not.toBe(a);
  });
});

describe('hostile input', () => {
  it('refuses empty, header-only, wide, long, huge, unknown and mislabelled files with a message', async () => {
    await expectValidationError(parseSpreadsheet('a.csv', new Uint8Array()), /empty/);
    await expectValidationError(parseSpreadsheet('a.csv', withBom('\r\n  \r\n,,\r\n')), /empty/);
    await expectValidationError(parseSpreadsheet('a.xlsx', new Uint8Array()), /empty/);
    await expectValidationError(parseSpreadsheet('a.csv', utf8('Title;Name;Region\r\n')), /header row but no data rows/);
    await expectValidationError(parseSpreadsheet('a.xlsx', await workbookBytes((s) => s.addRow(['Title', 'Name']))), /header row but no data rows/);
    await expectValidationError(parseSpreadsheet('a.xlsx', await workbookBytes(() => undefined)), /empty/);
    const wide = Array.from({ length: 201 }, (_, i) => `c${i}`).join(',');
    await expectValidationError(parseSpreadsheet('a.csv', utf8(`${wide}\n${wide}\n`)), /201 columns; at most 200/);
    await expectValidationError(parseSpreadsheet('a.xlsx', await workbookBytes((s) => s.addRow(Array.from({ length: 201 }, (_, i) => i)))), /at most 200/);
    await expectValidationError(parseSpreadsheet('a.csv', utf8(`Title\n${'x\n'.repeat(50_001)}`)), /more than 50,000 rows/);
    expect((await parseSpreadsheet('a.csv', utf8(`Title\n${'x\n'.repeat(50_000)}`))).rows).toHaveLength(50_000);
    await expectValidationError(parseSpreadsheet('a.csv', new Uint8Array(MAX_IMPORT_BYTES + 1)), /larger than 20 MiB/);
    await expectValidationError(parseSpreadsheet('cases.pdf', utf8('%PDF-1.4')), /use a CSV \(\.csv\) or Excel \(\.xlsx\) file/);
    await expectValidationError(parseSpreadsheet('cases.xls', utf8('x')), /save it as \.xlsx or CSV/);
    await expectValidationError(parseSpreadsheet('noextension', utf8('a,b')), /use a CSV/);
    await expectValidationError(parseSpreadsheet('a.xlsx', utf8('Title,Name\nx,y\n')), /not an Excel \.xlsx workbook/);
    await expectValidationError(parseSpreadsheet('a.csv', await workbookBytes((s) => s.addRow(['x']))), /is an Excel workbook, not a CSV/);
    await expectValidationError(parseSpreadsheet('a.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /password-protected or an old-format/);
    await expectValidationError(parseSpreadsheet('a.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /does not look like a CSV/);
  });

  it('refuses truncated and corrupted workbooks', async () => {
    const good = await workbookBytes((s) => {
      s.addRow(['Title', 'Name', 'Region']);
      s.addRow(['a', 'b', 'c']);
    });
    for (const cut of [10, 100, good.length >> 1, good.length - 30, good.length - 1]) {
      await expectValidationError(parseSpreadsheet('a.xlsx', good.subarray(0, cut)), /could not be read as an Excel workbook/);
    }
    // A zip that is not a workbook at all.
    await expectValidationError(parseSpreadsheet('a.xlsx', zip([{ name: 'hello.txt', data: utf8('hello') }])), /could not be read|no worksheets|empty/);
    // Entry data that is not deflate.
    const broken = zip([{ name: 'xl/worksheets/sheet1.xml', data: utf8('<row><c/></row>'.repeat(100)) }]);
    broken.fill(0xff, 60, 80);
    await expectValidationError(parseSpreadsheet('a.xlsx', broken), /could not be read as an Excel workbook/);
  });

  it('refuses a workbook with too many cells before loading it, however small the file', async () => {
    const cells = '<c r="A1"/>'.repeat(1_600_000);
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', data: utf8(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`) }]);
    expect(bytes.length).toBeLessThan(200_000);
    await expectValidationError(parseSpreadsheet('bomb.xlsx', bytes), /more than 1,500,000 cells/);
    const rows = zip([{ name: 'xl/worksheets/sheet1.xml', data: utf8(`<worksheet><sheetData>${'<row/>'.repeat(500_001)}</sheetData></worksheet>`) }]);
    await expectValidationError(parseSpreadsheet('bomb.xlsx', rows), /more than 500,000 rows/);
    const strings = zip([{ name: 'xl/sharedStrings.xml', data: utf8(`<sst>${'<si><t/></si>'.repeat(2_000_001)}</sst>`) }]);
    await expectValidationError(parseSpreadsheet('bomb.xlsx', strings), /more than 2,000,000 pieces of text/);
  });

  it('refuses entries whose declared size exceeds the budget', async () => {
    const bytes = zip([{ name: 'xl/styles.xml', data: utf8('<styleSheet/>'), declaredSize: 0xfffffffe }]);
    await expectValidationError(parseSpreadsheet('bomb.xlsx', bytes), /too large to import once unpacked/);
  });

  it('never throws anything but an AppError on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.tsv', 'a.txt'), async (bytes, name) => {
        try {
          const sheet = await parseSpreadsheet(name, bytes);
          expect(sheet.rows.length).toBeGreaterThan(0);
          for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('VALIDATION');
          expect((error as AppError).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('never throws anything but an AppError on corrupted workbooks', async () => {
    const good = await workbookBytes((s) => {
      s.addRow(['Title', 'Name', 'Region']);
      for (let i = 0; i < 20; i++) s.addRow([`Case ${i}`, { richText: [{ text: 'Name' }] }, new Date(Date.UTC(2020, 1, i + 1))]);
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: good.length }), { nil: undefined }),
        async (flips, cut) => {
          const bytes = good.slice(0, cut);
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          try {
            await parseSpreadsheet('a.xlsx', bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('VALIDATION');
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('never throws anything but an AppError on workbooks with damaged XML inside', async () => {
    const good = await workbookBytes((s) => {
      s.addRow(['Title', 'Name', 'Region', 'Date']);
      for (let i = 0; i < 5; i++) s.addRow([`Case ${i}`, { richText: [{ text: 'Name' }] }, { text: 'link', hyperlink: 'https://x' }, new Date(Date.UTC(2020, 1, i + 1))]);
      s.getCell('D2').numFmt = 'dd.mm.yyyy';
    });
    const entries = unzip(good);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    const snippets = ['<', '>', '"', '&', '</row>', '<c r="ZZZ99999999">', '<v>', 'x', '', '<row r="-1">', '<si><t>', '\u0000', '<!DOCTYPE x [<!ENTITY a "aaaa">]>'];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: entries.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 8 }))), {
          minLength: 1,
          maxLength: 4,
        }),
        async (which, edits) => {
          const damaged = entries.map((entry, i) => {
            if (i !== which) return entry;
            let text = new TextDecoder().decode(entry.data);
            for (const [where, cut, insert] of edits) {
              const at = Math.floor(where * text.length);
              text = text.slice(0, at) + insert + text.slice(at + cut);
            }
            return { name: entry.name, data: utf8(text) };
          });
          try {
            await parseSpreadsheet('a.xlsx', zip(damaged));
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('VALIDATION');
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('export', () => {
  const cases: CaseRecord[] = [
    {
      id: '00000000-0000-4000-8000-000000000001',
      reference: 'CB-0001',
      title: '=cmd|" /C calc"!A0',
      personName: 'Іваноў Іван',
      region: 'gomel',
      priority: 'urgent',
      status: 'open',
      summary: 'not exported',
      assignee: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Alena' },
      violations: ['detention', 'extremist-listing'],
      risks: [],
      eventDate: '2020-08',
      createdAt: '2024-01-02T03:04:05.000Z',
      updatedAt: '2024-02-03T04:05:06.000Z',
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      reference: 'CB-0002',
      title: 'Quotes "and", semicolons; and\nline breaks',
      personName: '@handle',
      region: 'minsk-city',
      priority: 'normal',
      status: 'new',
      summary: '',
      assignee: null,
      violations: [],
      risks: [],
      eventDate: null,
      createdAt: '2024-01-02T03:04:05.000Z',
      updatedAt: '2024-01-02T03:04:05.000Z',
    },
  ];

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', ''].map(neutralizeFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'plain', '']);
  });

  it('writes CSV with a BOM that reads back equal, with the formula prefix, and imports back', async () => {
    const bytes = casesToCsv(cases, 'ru');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('Номер;Название;ФИО;Регион;Приоритет;Статус;Ответственный;Нарушения;Дата события;Создано;Изменено');
    expect(text).not.toContain('not exported');

    const sheet = await parseSpreadsheet('export.csv', bytes);
    expect(sheet.rows).toEqual([
      ['CB-0001', `'=cmd|" /C calc"!A0`, 'Іваноў Іван', 'Гомельская область', 'Срочно', 'В работе', 'Alena', 'Задержание; Внесение в «экстремистские» списки', '2020-08', '2024-01-02T03:04:05.000Z', '2024-02-03T04:05:06.000Z'],
      ['CB-0002', 'Quotes "and", semicolons; and\nline breaks', "'@handle", 'Минск', 'Обычный', 'Новое', '', '', '', '2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05.000Z'],
    ]);

    const mapping = guessMapping(sheet.columns);
    expect(mapping).toEqual({ title: 'Название', personName: 'ФИО', region: 'Регион', priority: 'Приоритет', status: 'Статус', violations: 'Нарушения', eventDate: 'Дата события' });
    const { inputs, reports } = toCaseInputs(sheet.columns, sheet.rows, mapping, sheet.lines);
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    expect(inputs[0]).toEqual({
      case: expect.objectContaining({ title: cases[0]!.title, personName: 'Іваноў Іван', region: 'gomel', priority: 'urgent', violations: ['detention', 'extremist-listing'], eventDate: '2020-08' }),
      status: 'open',
    });
    expect(inputs[1]?.case).toMatchObject({ title: cases[1]!.title, personName: '@handle', region: 'minsk-city' });
  });

  it('writes English CSV with commas, Belarusian with semicolons, and maps either back', async () => {
    for (const language of ['en', 'be'] as const) {
      const sheet = await parseSpreadsheet('export.csv', casesToCsv(cases, language));
      expect(sheet.columns).toHaveLength(11);
      const { inputs } = toCaseInputs(sheet.columns, sheet.rows, guessMapping(sheet.columns));
      expect(inputs.map((i) => i && [i.case.region, i.case.priority, i.status])).toEqual([
        ['gomel', 'urgent', 'open'],
        ['minsk-city', 'normal', 'new'],
      ]);
    }
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(casesToCsv(cases, 'en')).split('\r\n')[0]).toBe('\uFEFFReference,Title,Person,Region,Priority,Status,Assignee,Violations,Event date,Created,Updated');
  });

  it('writes XLSX with a bold frozen header that reads back equal', async () => {
    const bytes = await casesToXlsx(cases, 'be');
    const sheet = await parseSpreadsheet('export.xlsx', bytes);
    expect(sheet.columns).toEqual(['Нумар', 'Назва', 'Імя і прозвішча', 'Рэгіён', 'Прыярытэт', 'Статус', 'Адказны', 'Парушэнні', 'Дата падзеі', 'Створана', 'Зменена']);
    expect(sheet.rows[0]).toEqual(['CB-0001', `'=cmd|" /C calc"!A0`, 'Іваноў Іван', 'Гомельская вобласць', 'Тэрмінова', 'У рабоце', 'Alena', 'Затрыманне; Унясенне ў «экстрэмісцкія» спісы', '2020-08', '2024-01-02T03:04:05.000Z', '2024-02-03T04:05:06.000Z']);
    expect(sheet.rows[1]![1]).toBe(cases[1]!.title);
    expect(sheet.rows[1]![2]).toBe("'@handle");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('Справы');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
    expect(typeof ws.getCell('B2').value).toBe('string');

    const { inputs } = toCaseInputs(sheet.columns, sheet.rows, guessMapping(sheet.columns), sheet.lines);
    expect(inputs[0]?.case.title).toBe(cases[0]!.title);
  });
});
