import { describe, expect, it } from 'vitest';
import { foldMedicine, matchAllergies, matchFreeTextAllergies, splitFreePrescription, type AllergyEntry } from './match-allergies';

const rx = (...medicines: string[]) => medicines.map((medicine) => ({ medicine }));
const kinds = (medicine: string, allergy: AllergyEntry | string) =>
  matchAllergies(rx(medicine), [typeof allergy === 'string' ? { substance: allergy } : allergy]).map((m) => m.kind);

describe('foldMedicine', () => {
  it('drops strengths and forms, folds case, accents and British spellings', () => {
    expect(foldMedicine('Amoxicillin 500 mg caps')).toBe('amoxicillin');
    expect(foldMedicine('AMOXICILLIN 250mg/5ml susp.')).toBe('amoxicillin');
    expect(foldMedicine('Céphalexin')).toBe('cefalexin');
    expect(foldMedicine('Sulphamethoxazole')).toBe('sulfamethoxazol');
    expect(foldMedicine('Pénicilline')).toBe('penicillin');
    expect(foldMedicine('Co-Amoxiclav 625mg')).toBe('co amoxiclav');
  });
});

describe('matchAllergies', () => {
  it('matches the same substance whatever the strength, form, case or accents', () => {
    expect(kinds('Amoxicillin 500 mg caps', 'amoxicillin')).toEqual(['substance']);
    expect(kinds('amoxycillin syrup', 'Amoxicillin')).toEqual(['substance']);
    expect(kinds('Ibuprofène 400 mg', 'IBUPROFEN')).toEqual(['substance']);
    expect(kinds('Cephalexin 250mg', 'cefalexin')).toEqual(['substance']);
  });

  it('an allergy written "Penicillin" (any form) matches every penicillin and co-amoxiclav', () => {
    for (const allergy of ['Penicillin', 'penicillins', 'PCN', 'Pénicilline ', 'Penicillin allergy']) {
      for (const m of ['Amoxicillin 500 mg caps', 'Ampicillin', 'Cloxacillin', 'Flucloxacillin 250mg', 'Benzylpenicillin inj', 'Phenoxymethylpenicillin',
        'Co-amoxiclav 625 mg', 'Amoxicillin-clavulanate', 'Augmentin', 'Benzathine penicillin 2.4 MU', 'Pivmecillinam']) {
        expect(matchAllergies(rx(m), [{ substance: allergy }]).length, `${allergy} / ${m}`).toBe(1);
      }
    }
    expect(matchAllergies(rx('Amoxicillin 500 mg caps'), [{ substance: 'Penicillin', severity: 'severe', reaction: 'Anaphylaxis' }])).toEqual([
      { line: 0, medicine: 'Amoxicillin 500 mg caps', allergySubstance: 'Penicillin', kind: 'class', className: 'penicillins', severity: 'severe', reaction: 'Anaphylaxis' },
    ]);
  });

  it('an allergy to one penicillin covers the others (same class)', () => {
    expect(kinds('Ampicillin', 'amoxicillin')).toEqual(['class']);
    expect(kinds('Co-amoxiclav', 'Amoxicillin')).toEqual(['substance']);
  });

  it('warns for cephalosporins and carbapenems in a penicillin allergy (cross-reactivity, with a note), and back', () => {
    const [m] = matchAllergies(rx('Ceftriaxone 1 g IV'), [{ substance: 'Penicillin' }]);
    expect(m).toMatchObject({ kind: 'cross_reactivity', className: 'cephalosporins' });
    expect(m.note).toMatch(/1–2%/);
    expect(kinds('Meropenem', 'penicillin')).toEqual(['cross_reactivity']);
    expect(kinds('Amoxicillin', 'Ceftriaxone')).toEqual(['cross_reactivity']);
    expect(kinds('Cefuroxime', 'ceftriaxone')).toEqual(['class']);
    expect(kinds('Cefixime', 'Cephalosporins')).toEqual(['class']);
  });

  it('"sulfa" / "sulphonamides" match co-trimoxazole and sulfamethoxazole, not sulfates or furosemide', () => {
    for (const allergy of ['Sulfa', 'sulphonamides', 'Sulfonamide antibiotics', 'Sulfonamides (co-trimoxazole)', 'sulfa drugs']) {
      expect(kinds('Co-trimoxazole 960 mg', allergy), allergy).toHaveLength(1);
      expect(kinds('Sulfamethoxazole/Trimethoprim', allergy), allergy).toHaveLength(1);
      expect(kinds('Septrin', allergy), allergy).toHaveLength(1);
      expect(kinds('Sulfadoxine-pyrimethamine', allergy), allergy).toHaveLength(1);
      expect(kinds('Ferrous sulphate 200 mg', allergy), allergy).toEqual([]);
      expect(kinds('Magnesium sulfate', allergy), allergy).toEqual([]);
      expect(kinds('Furosemide 40 mg', allergy), allergy).toEqual([]);
    }
    expect(kinds('Co-trimoxazole', 'Septrin')).toEqual(['substance']);
  });

  it('"aspirin" and "NSAIDs" match ibuprofen, diclofenac…, not paracetamol', () => {
    for (const allergy of ['Aspirin', 'NSAIDs', 'nsaid', 'Non-steroidal anti-inflammatory drugs', 'Ibuprofen']) {
      for (const m of ['Ibuprofen 400mg', 'Diclofenac sodium 50 mg', 'Naproxen', 'Indomethacin', 'Aspirin 75 mg', 'Mefenamic acid', 'Meloxicam']) {
        expect(matchAllergies(rx(m), [{ substance: allergy }]).length, `${allergy} / ${m}`).toBe(1);
      }
      expect(kinds('Paracetamol 1 g', allergy)).toEqual([]);
    }
    expect(kinds('Acetylsalicylic acid', 'aspirin')).toEqual(['substance']);
  });

  it('other classes: macrolides, fluoroquinolones, tetracyclines, opioids, ACE inhibitors, aromatic anticonvulsants', () => {
    expect(kinds('Azithromycin 500 mg', 'erythromycin')).toEqual(['class']);
    expect(kinds('Levofloxacin', 'Ciprofloxacin')).toEqual(['class']);
    expect(kinds('Ciprofloxacin', 'quinolones')).toEqual(['class']);
    expect(kinds('Doxycycline 100 mg', 'tetracycline')).toEqual(['class']);
    expect(kinds('Morphine', 'codeine')).toEqual(['class']);
    expect(kinds('Fentanyl', 'codeine')).toEqual([]);
    expect(kinds('Fentanyl', 'Opioids')).toEqual(['class']);
    expect(kinds('Lisinopril', 'enalapril')).toEqual(['class']);
    expect(kinds('Phenytoin', 'Carbamazepine')).toEqual(['class']);
    expect(kinds('Amoxicillin', 'beta-lactams')).toEqual(['class']);
    expect(matchAllergies(rx('Amoxicillin'), [{ substance: 'beta-lactams' }])[0].className).toBe('penicillins');
  });

  it('does not match unrelated medicines, and matches unknown substances by their words only', () => {
    expect(kinds('Metformin 500 mg', 'Penicillin')).toEqual([]);
    expect(kinds('Amoxicillin', 'Peanuts')).toEqual([]);
    expect(kinds('Amoxicillin', 'Latex')).toEqual([]);
    expect(kinds('Gentamicin', 'Chloroquine')).toEqual([]);
    expect(kinds('Clindamycin', 'Penicillin')).toEqual([]);
    expect(kinds('Azithromycin', 'Penicillin')).toEqual([]);
    expect(kinds('Xylomab 10 mg tabs', 'xylomab')).toEqual(['substance']);
    expect(kinds('', 'Penicillin')).toEqual([]);
    expect(matchAllergies(rx('Amoxicillin'), [])).toEqual([]);
  });

  it('reports each matching (line, allergy) pair once, in line order', () => {
    const m = matchAllergies(rx('Paracetamol', 'Amoxicillin', 'Co-trimoxazole', 'Ibuprofen'), [
      { substance: 'Penicillin', severity: 'severe' }, { substance: 'Sulfa', reaction: 'SJS' }, { substance: 'Aspirin' },
    ]);
    expect(m.map((x) => [x.line, x.allergySubstance, x.kind])).toEqual([
      [1, 'Penicillin', 'class'], [2, 'Sulfa', 'class'], [3, 'Aspirin', 'class'],
    ]);
  });
});

describe('the free-text prescription', () => {
  it('is split into medicines on new lines, ";", ",", "+" and "and"', () => {
    expect(splitFreePrescription('Amoxicillin 500mg tds x5d')).toEqual(['Amoxicillin 500mg tds x5d']);
    expect(splitFreePrescription('Paracetamol 1g tds; Amoxicillin 500mg, ORS + Zinc\nIbuprofen 400mg AND Omeprazole')).toEqual([
      'Paracetamol 1g tds', 'Amoxicillin 500mg', 'ORS', 'Zinc', 'Ibuprofen 400mg', 'Omeprazole',
    ]);
    expect(splitFreePrescription('  ;\n ')).toEqual([]);
    expect(splitFreePrescription(null)).toEqual([]);
    expect(foldMedicine('Amoxicillin 500mg tds x5d')).toBe('amoxicillin');
  });

  it('matches each medicine of the text like a line, marked as the free text (no line index)', () => {
    expect(matchFreeTextAllergies('Amoxicillin 500mg tds x5d', [{ substance: 'Penicillin', severity: 'severe', reaction: 'Anaphylaxis' }])).toEqual([
      { line: null, source: 'prescription', medicine: 'Amoxicillin 500mg tds x5d', allergySubstance: 'Penicillin', kind: 'class', className: 'penicillins', severity: 'severe', reaction: 'Anaphylaxis' },
    ]);
    const m = matchFreeTextAllergies('Paracetamol 1g tds; Ceftriaxone 1g IV stat\nIbuprofen 400mg and Co-trimoxazole 960mg bd', [
      { substance: 'Penicillin' }, { substance: 'Aspirin' }, { substance: 'Sulfa' },
    ]);
    expect(m.map((x) => [x.medicine, x.allergySubstance, x.kind])).toEqual([
      ['Ceftriaxone 1g IV stat', 'Penicillin', 'cross_reactivity'], ['Ibuprofen 400mg', 'Aspirin', 'class'], ['Co-trimoxazole 960mg bd', 'Sulfa', 'class'],
    ]);
    expect(matchFreeTextAllergies('Amoxicillin 500mg; amoxicillin 500 mg', [{ substance: 'Penicillin' }])).toHaveLength(1);
    expect(matchFreeTextAllergies('Paracetamol 1g tds, ORS', [{ substance: 'Penicillin' }])).toEqual([]);
    expect(matchFreeTextAllergies('', [{ substance: 'Penicillin' }])).toEqual([]);
  });
});
