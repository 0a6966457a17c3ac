/**
 * The ICD-10 list shipped in the project and its search: the CSV parser the build script uses, the
 * shipped file (size, contents), search by code and by words, ranking, findIcd10.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIcd10Source, toIcd10Tsv } from './build';
import { CsvError, parseCsv, parseCsvObjects } from './csv';
import { ICD10_DATA_PATH, addsWords, foldedWords } from './format';
import { ICD10_ATTRIBUTION, buildIcd10Index, findIcd10, icd10DataFile, listIcd10Entries, searchIcd10 } from './index';

const codes = (q: string, limit?: number) => searchIcd10(q, { limit }).map((r) => r.code);
/** The search without terms, spelling fold or priorities (the ranking before issue 10). */
const plainCodes = (q: string, limit?: number) => searchIcd10(q, { limit, plain: true }).map((r) => r.code);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'code,desc,n\r\n"A00","Cholera, unspecified",1\r\n"X1","He said ""ouch""\nthen left",0\r\nB,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['code', 'desc', 'n'],
      ['A00', 'Cholera, unspecified', '1'],
      ['X1', 'He said "ouch"\nthen left', '0'],
      ['B', '', ''],
    ]);
  });

  it('takes LF or CRLF, no final line break, a BOM, empty quoted fields and a quoted field that is only a quote', () => {
    expect(parseCsv('\ufeffa,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('"",""""\r\n')).toEqual([['', '"']]);
    expect(parseCsv('x,"a,b,c"')).toEqual([['x', 'a,b,c']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses malformed quoting', () => {
    expect(() => parseCsv('a,"open\n')).toThrow(CsvError);
    expect(() => parseCsv('a,"closed"junk\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/inside an unquoted field/);
  });

  it('maps records to the header and checks their width and the required columns', () => {
    expect(parseCsvObjects('code,name\n"J06.9","URI, acute"\n', ['code'])).toEqual([{ code: 'J06.9', name: 'URI, acute' }]);
    expect(() => parseCsvObjects('code,name\nJ06.9\n')).toThrow(/record 2/);
    expect(() => parseCsvObjects('code\nJ06.9\n', ['billable'])).toThrow(/missing column/);
  });
});

describe('build script', () => {
  const header = '"code","code_nodot","billable","short_description","long_description"\n';
  it('keeps the long description only where it adds words, in code order', () => {
    const rows = readIcd10Source(header +
      '"E11.9","E119",1,"Type 2 diabetes mellitus w/o complications","Type 2 diabetes mellitus without complications"\n' +
      '"E11","E11",0,"Type 2 diabetes mellitus","Type 2 diabetes mellitus"\n' +
      '"A00.1","A001",1,"Cholera due to Vibrio cholerae 01, biovar eltor","Cholera due to Vibrio cholerae 01, biovar eltor"\n');
    expect(rows.map((r) => r.code)).toEqual(['A00.1', 'E11', 'E11.9']);
    expect(rows[2]).toEqual({ code: 'E11.9', billable: true, short: 'Type 2 diabetes mellitus w/o complications', long: 'Type 2 diabetes mellitus without complications' });
    expect(rows[1].long).toBe('');
    const tsv = toIcd10Tsv(rows, 'test.csv');
    expect(buildIcd10Index(tsv).size).toBe(3);
  });

  it('refuses a bad code, a bad flag or a duplicate', () => {
    expect(() => readIcd10Source(header + '"e11","E11",0,"x","x"\n')).toThrow(/not an ICD-10-CM code/);
    expect(() => readIcd10Source(header + '"E11","E11",2,"x","x"\n')).toThrow(/billable/);
    expect(() => readIcd10Source(header + '"E11","E11",0,"x","x"\n"E11","E11",0,"x","x"\n')).toThrow(/duplicate/);
  });

  it('folds words without case or accents', () => {
    expect(foldedWords('Diabète Type-2, w/o')).toEqual(['diabete', 'type', '2', 'w', 'o']);
    expect(addsWords('Encntr for exam w/o abnormal findings', 'Encounter for exam without abnormal findings')).toBe(true);
    expect(addsWords('Cholera, unspecified', 'Cholera unspecified')).toBe(false);
  });
});

describe('the shipped list', () => {
  it('is in the project, under 4 MB, with every FY2022 code', () => {
    expect(icd10DataFile()).toBe(path.join(process.cwd(), ICD10_DATA_PATH));
    expect(fs.statSync(icd10DataFile()).size).toBeLessThan(4 * 1024 * 1024);
    const all = listIcd10Entries();
    expect(all).toHaveLength(95_524);
    expect(all.filter((e) => e.billable)).toHaveLength(72_748);
  });

  it('carries its attribution', () => {
    expect(ICD10_ATTRIBUTION).toMatch(/ICD-10-CM FY2022/);
    expect(ICD10_ATTRIBUTION).toMatch(/Victor Castro/);
    expect(ICD10_ATTRIBUTION).toMatch(/CC BY 4\.0/);
  });
});

describe('findIcd10', () => {
  it('finds a code with or without its dot, in any case, and answers undefined for an unknown one', () => {
    expect(findIcd10('I10')).toEqual({ system: 'ICD-10', code: 'I10', display: 'Essential (primary) hypertension', shortDescription: 'Essential (primary) hypertension', billable: true });
    expect(findIcd10('e119')?.code).toBe('E11.9');
    expect(findIcd10('E11')?.billable).toBe(false);
    expect(findIcd10('Z00.00')?.display).toBe('Encounter for general adult medical examination without abnormal findings');
    expect(findIcd10('Z00.00')?.shortDescription).toBe('Encntr for general adult medical exam w/o abnormal findings');
    expect(findIcd10('U07.1')).toBeDefined();
    expect(findIcd10('Q99.99')).toBeUndefined();
    expect(findIcd10('')).toBeUndefined();
  });
});

describe('searchIcd10', () => {
  it('answers { system, code, display, billable }', () => {
    expect(searchIcd10('b54')[0]).toEqual({ system: 'ICD-10', code: 'B54', display: 'Unspecified malaria', billable: true });
  });

  it('finds by code with or without the dot, exact code first, then the codes under it, shortest first', () => {
    expect(codes('b54')[0]).toBe('B54');
    expect(codes('j069')[0]).toBe('J06.9');
    expect(codes('J06.9')[0]).toBe('J06.9');
    expect(codes(' i10 ')[0]).toBe('I10');
    const e11 = codes('E11', 50);
    expect(e11[0]).toBe('E11');
    expect(e11.slice(1, 11)).toEqual(['E11.0', 'E11.1', 'E11.2', 'E11.3', 'E11.4', 'E11.5', 'E11.6', 'E11.8', 'E11.9', 'E11.00']);
    expect(e11.every((c) => c.startsWith('E11'))).toBe(true);
    expect(codes('j06', 3)).toEqual(['J06', 'J06.0', 'J06.9']);
  });

  it('finds by the start of every word, and lists code matches before word matches', () => {
    const malaria = codes('malaria', 10);
    expect(malaria).toContain('B54');
    expect(plainCodes('malar', 10)).toEqual(plainCodes('malaria', 10));
    expect(codes('malar', 10)).toContain('B54');
    // "b12" is no code: the words find vitamin B12 deficiency.
    expect(codes('b12', 5)).toContain('D51.9');
    expect(codes('type 2 diab', 10)).toContain('E11.9');
    expect(codes('type 2 diab', 20).every((c) => !c.startsWith('E10'))).toBe(true);
  });

  it('ranks 3- and 4-character codes above their longer children (plain search, and among codes of equal priority)', () => {
    const r = plainCodes('type 2 diabetes', 50);
    expect(r.indexOf('E11')).toBeGreaterThanOrEqual(0);
    expect(r.indexOf('E11')).toBeLessThan(r.indexOf('E11.9'));
    const longer = r.filter((c) => c.replace('.', '').length > 4);
    const short = r.filter((c) => c.replace('.', '').length <= 4);
    expect(r.indexOf(longer[0])).toBeGreaterThan(r.indexOf(short[short.length - 1]));
    // J45 (3 characters) and its subdivisions above the 5–6-character children, even the short-titled
    // J45.909 "Unspecified asthma, uncomplicated".
    const a = plainCodes('asthma', 50);
    expect(a.slice(0, 6)).toEqual(['J45', 'J45.3', 'J45.2', 'J45.5', 'J45.4', 'J45.9']);
    expect(a.indexOf('J45')).toBeLessThan(a.indexOf('J45.909'));
    expect(a.indexOf('J45.9')).toBeLessThan(a.indexOf('J45.909'));
  });

  it('ignores case and accents', () => {
    expect(codes('Diabetes')).toEqual(codes('diabetes'));
    expect(codes('DIABETES MELLITUS')).toEqual(codes('diabetes mellitus'));
    expect(codes('diabétès')).toEqual(codes('diabetes'));
  });

  it('answers [] to an empty, one-character or nonsense query, and honours the limit', () => {
    expect(searchIcd10('')).toEqual([]);
    expect(searchIcd10(' a ')).toEqual([]);
    expect(searchIcd10('zzqx blorf')).toEqual([]);
    expect(searchIcd10('malaria zzqx')).toEqual([]);
    expect(searchIcd10('fracture', { limit: 5 })).toHaveLength(5);
    expect(searchIcd10('fracture')).toHaveLength(20);
    expect(searchIcd10('fracture', { limit: 0 })).toEqual([]);
  });

  it('gives the same answer to the same query twice (no state leaks between searches)', () => {
    const a = codes('of the', 30);
    codes('fracture femur');
    expect(codes('of the', 30)).toEqual(a);
  });
});
