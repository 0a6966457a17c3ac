/** The picked diagnoses as data: reading an echoed submission back, one primary at most, no repeats, errors in words. */
import { describe, expect, it } from 'vitest';
import { distinct, errorLines, keyOf, parsePicks, pickFrom, titleOf, withChange, withPick, withoutPick, type PickedDiagnosis } from './diagnosis-picks';

const malaria: PickedDiagnosis = { system: 'ICD-10', code: 'B54', display: 'Unspecified malaria', rank: 'primary', certainty: 'provisional' };
const cough: PickedDiagnosis = { system: 'text', display: 'Dry cough', rank: 'secondary', certainty: 'confirmed' };

describe('diagnosis picks', () => {
  it('parsePicks keeps well-formed entries and defaults rank and certainty', () => {
    const json = JSON.stringify([{ system: 'ICD-10', code: 'B54', display: 'Unspecified malaria', rank: 'primary' }, { system: 'ICD-10', display: 'no code' }, { system: 'text', display: 'Dry cough', certainty: 'confirmed' }, 'x']);
    expect(parsePicks(json)).toEqual([malaria, cough]);
    expect([parsePicks(undefined), parsePicks('{'), parsePicks('{}')]).toEqual([null, null, null]);
  });

  it('keys, titles and repeats: free text is the same whatever its case', () => {
    expect(keyOf({ system: 'text', display: ' Dry COUGH ' })).toBe(keyOf(cough));
    expect(titleOf(malaria)).toBe('B54 Unspecified malaria');
    expect(titleOf(cough)).toBe('Dry cough');
    expect(distinct([malaria, cough, { ...cough, display: 'dry cough' }])).toEqual([malaria, cough]);
    expect(withPick([malaria], { ...malaria, rank: 'secondary' })).toEqual([malaria]);
  });

  it('the first pick is primary, the next secondary; removing the primary promotes the first left', () => {
    const first = pickFrom({ system: 'ICD-10', code: 'B54', display: 'Unspecified malaria' }, [], 'provisional');
    expect(first).toEqual(malaria);
    const second = pickFrom({ system: 'text', display: 'Dry cough' }, [first], 'confirmed');
    expect(second).toEqual(cough);
    expect(withoutPick([malaria, cough], 0, 'primary')).toEqual([{ ...cough, rank: 'primary' }]);
    expect(withoutPick([malaria, cough], 1, 'secondary')).toEqual([malaria]);
  });

  it('a new primary makes the old one secondary', () => {
    expect(withChange([malaria, cough], 1, { rank: 'primary' }).map((p) => p.rank)).toEqual(['secondary', 'primary']);
    expect(withChange([malaria, cough], 0, { certainty: 'confirmed' })[0].certainty).toBe('confirmed');
  });

  it('errorLines names the diagnosis and field', () => {
    expect(errorLines('diagnoses_json', { diagnoses_json: ['Too many.'], 'diagnoses.1.code': ['Unknown code.'], 'diagnoses.0': ['Bad.'], other: ['x'], empty: [] }))
      .toEqual(['Too many.', 'Diagnosis 2 (code): Unknown code.', 'Diagnosis 1: Bad.']);
  });
});
