/**
 * The diagnosis search ranked for primary care in Kenya (issue 10, point 4): every example of the
 * issue as an assertion — common words give the usual code first, British spellings and everyday terms
 * find codes, abbreviations match whole words and rank what they stand for first — plus the shipped
 * vocabulary files (checked codes, sources written in them), the spelling fold and the boost.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findIcd10, icd10SearchVocabulary, makeIcd10Boost, searchIcd10 } from './index';
import { PRIMARY_CARE_PATH, TERMS_PATH, spellingFold } from './terms';
import { usagePoints } from './clinic-search';

const codes = (q: string, limit = 20) => searchIcd10(q, { limit }).map((r) => r.code);
const displays = (q: string, limit = 20) => searchIcd10(q, { limit }).map((r) => r.display);
const top = (q: string, n: number) => codes(q, n);

describe('common words give the common primary-care code first', () => {
  it('"hypertension" → I10 first (it was ninth, after portal and neonatal hypertension)', () => {
    expect(codes('hypertension')[0]).toBe('I10');
    expect(codes('Hypertension')[0]).toBe('I10');
    expect(codes('hypert')[0]).toBe('I10');
  });

  it('"diabetes" → type 2 first (E11.9, then E11)', () => {
    expect(top('diabetes', 2)).toEqual(['E11.9', 'E11']);
    expect(codes('diab')[0]).toBe('E11.9');
    expect(codes('diabetes mellitus')[0]).toBe('E11.9');
  });

  it('"pneumonia" → J18.9 in the top 3', () => {
    expect(top('pneumonia', 3)).toContain('J18.9');
  });

  it('"tuberculosis" → pulmonary TB (A15.0 tuberculosis of lung) in the top 3', () => {
    expect(top('tuberculosis', 3)).toContain('A15.0');
  });

  it('"malaria" → B54 and B50.9 (falciparum) in the top 3', () => {
    const t = top('malaria', 3);
    expect(t).toContain('B54');
    expect(t).toContain('B50.9');
  });

  it('other common words: asthma, gastroenteritis, headache, typhoid', () => {
    expect(codes('asthma')[0]).toBe('J45.909');
    expect(codes('gastroenteritis')[0]).toBe('A09');
    expect(codes('headache')[0]).toBe('R51.9');
    expect(top('typhoid', 2)).toContain('A01.00');
  });
});

describe('British spellings and everyday terms find codes', () => {
  it.each([
    ['anaemia', 'D64.9'],
    ['diarrhoea', 'A09'],
    ['oedema', 'R60.9'],
    ['haemorrhoids', 'K64.9'],
    ['high blood pressure', 'I10'],
    ['heart attack', 'I21.9'],
  ])('"%s" → %s first', (q, code) => {
    expect(codes(q)[0]).toBe(code);
  });

  it('"heart attack" lists acute myocardial infarctions (I21.x) first', () => {
    expect(top('heart attack', 3).every((c) => c.startsWith('I21'))).toBe(true);
  });

  it('the spelling fold also reaches words without a row: leukaemia, oesophagitis, paediatric, foetal, tumour, gynaecological', () => {
    expect(displays('leukaemia', 5).some((d) => /leukemia/i.test(d))).toBe(true);
    expect(displays('oesophagitis', 5).some((d) => /esophagitis/i.test(d))).toBe(true);
    expect(codes('foetal').length).toBeGreaterThan(0);
    expect(displays('tumour', 5).some((d) => /tumor/i.test(d))).toBe(true);
    expect(codes('gynaecological').length).toBeGreaterThan(0);
    expect(codes('anaem')[0]).toBe('D64.9');
  });

  it('is used only for words that find nothing as typed: toe stays toe, Haemophilus stays Haemophilus', () => {
    expect(displays('toe', 20).every((d) => /\btoes?\b/i.test(d))).toBe(true);
    expect(displays('haemophilus', 5).every((d) => /haemophilus|hemophilus/i.test(d))).toBe(true);
    expect(spellingFold('anaemia')).toBe('anemia');
    expect(spellingFold('diarrhoea')).toBe('diarrhea');
    expect(spellingFold('oedema')).toBe('edema');
    expect(spellingFold('haemorrhoids')).toBe('hemorrhoids');
    expect(spellingFold('tumour')).toBe('tumor');
    expect(spellingFold('immunisation')).toBe('immunization');
    expect(spellingFold('paralysed')).toBe('paralyzed');
    expect(spellingFold('centre')).toBe('center');
  });

  it('everyday terms typed in part still find the term: "high blood pres", "heart att"', () => {
    expect(codes('high blood pres')[0]).toBe('I10');
    expect(codes('heart att')[0]).toBe('I21.9');
    expect(codes('piles')[0]).toBe('K64.9');
    expect(codes('bilharzia')[0]).toBe('B65.9');
    expect(codes('jiggers')[0]).toBe('B88.1');
    expect(codes('sugar')[0]).toBe('E11.9');
  });
});

describe('abbreviations match whole words and rank what they stand for first', () => {
  it.each([
    ['HTN', 'I10'],
    ['DM', 'E11.9'],
    ['UTI', 'N39.0'],
    ['URTI', 'J06.9'],
    ['TB', 'A15.0'],
    ['PUD', 'K27.9'],
    ['RTA', 'V89.2XXA'],
    ['PID', 'N73.9'],
    ['COPD', 'J44.9'],
    ['CCF', 'I50.9'],
    ['CHF', 'I50.9'],
    ['GE', 'A09'],
    ['AGE', 'A09'],
    ['LRTI', 'J22'],
    ['SAM', 'E43'],
    ['HIV', 'B20'],
    ['MI', 'I21.9'],
    ['CVA', 'I63.9'],
  ])('"%s" → %s first', (q, code) => {
    expect(codes(q)[0]).toBe(code);
    expect(codes(q.toLowerCase())[0]).toBe(code);
  });

  it('"UTI" never matches "utility" (whole words only), and lists urinary tract infections', () => {
    const r = searchIcd10('UTI', { limit: 50 });
    expect(r.some((m) => /utility/i.test(m.display))).toBe(false);
    expect(r.slice(0, 5).every((m) => /urinary/i.test(m.display))).toBe(true);
    // The plain search (before issue 10) did match "utility".
    expect(searchIcd10('UTI', { limit: 50, plain: true }).some((m) => /utility/i.test(m.display))).toBe(true);
  });

  it('"RTA" lists road-traffic codes (V89.2 motor-vehicle traffic accident) first', () => {
    expect(top('RTA', 2)).toEqual(['V89.2XXA', 'V89.2']);
  });

  it('an abbreviation inside a longer query expands too: "HTN in pregnancy" finds pregnancy hypertension', () => {
    expect(displays('HTN pregnancy', 5).some((d) => /hypertension/i.test(d) && /pregnan/i.test(d))).toBe(true);
    // Joining words the titles lack are left out: "in" (the list says "complicating pregnancy").
    expect(displays('HTN in pregnancy', 5).some((d) => /hypertension/i.test(d) && /pregnan/i.test(d))).toBe(true);
    expect(codes('DM foot', 5)).toContain('E11.621');
  });

  it('"malaria in pregnancy" finds malaria complicating pregnancy (O98.61) first', () => {
    expect(codes('malaria in pregnancy')[0]).toBe('O98.61');
    expect(searchIcd10('malaria in pregnancy', { plain: true })).toEqual([]);
  });
});

describe('codes and plain words still work as before', () => {
  it('a code, with or without dot, comes first', () => {
    expect(codes('b54')[0]).toBe('B54');
    expect(codes('j069')[0]).toBe('J06.9');
    expect(codes('I10')[0]).toBe('I10');
  });

  it('words with no term search as typed', () => {
    expect(codes('fracture femur').length).toBeGreaterThan(0);
    expect(codes('zzqx blorf')).toEqual([]);
  });
});

describe('the boost (usage and favourites, clinic-search.ts)', () => {
  it('moves a code with points above codes of equal priority', () => {
    const before = codes('malaria', 30);
    const at = before.indexOf('B53.8');
    expect(at).toBeGreaterThan(3);
    const boosted = searchIcd10('malaria', { limit: 30, boost: makeIcd10Boost([['b538', 30]]) }).map((r) => r.code);
    expect(boosted.indexOf('B53.8')).toBeLessThan(at);
    // The listed codes of the term stay first.
    expect(boosted.slice(0, 2)).toEqual(['B54', 'B50.9']);
  });

  it('lets a heavily used listed code pass its neighbour', () => {
    const boosted = searchIcd10('malaria', { limit: 5, boost: makeIcd10Boost([['B50.9', 30]]) }).map((r) => r.code);
    expect(boosted[0]).toBe('B50.9');
  });

  it('gives usage points on a log scale, at most 30', () => {
    expect(usagePoints(0)).toBe(0);
    expect(usagePoints(1)).toBe(6);
    expect(usagePoints(3)).toBe(12);
    expect(usagePoints(7)).toBe(18);
    expect(usagePoints(10_000)).toBe(30);
  });
});

describe('the shipped vocabulary', () => {
  it('loads, every code exists in the list, and each file names its sources', () => {
    const v = icd10SearchVocabulary();
    expect(v.terms.length).toBeGreaterThan(150);
    expect(v.primaryCare.size).toBeGreaterThan(80);
    for (const t of v.terms) for (const c of t.codes) expect(findIcd10(c)?.code).toBe(c);
    for (const c of v.primaryCare.keys()) expect(findIcd10(c)?.code).toBe(c);
    for (const abbr of ['htn', 'dm', 'uti', 'urti', 'tb', 'pud', 'rta']) {
      expect(v.terms.find((t) => t.kind === 'abbr' && t.words[0] === abbr)).toBeDefined();
    }
    expect(fs.readFileSync(TERMS_PATH, 'utf8')).toMatch(/# Sources:.*MOH 705/s);
    expect(fs.readFileSync(PRIMARY_CARE_PATH, 'utf8')).toMatch(/MOH 705A.*MOH 705B/s);
  });
});
