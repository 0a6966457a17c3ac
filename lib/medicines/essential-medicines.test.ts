import { describe, expect, it } from 'vitest';
import { ESSENTIAL_MEDICINES, medicineSuggestions } from './essential-medicines';
import { matchAllergies } from './match-allergies';

describe('the essential-medicines completion list', () => {
  it('holds a few hundred names, the common primary-care ones among them, each once and sorted', () => {
    const list = medicineSuggestions();
    expect(list.length).toBeGreaterThanOrEqual(300);
    expect(list.length).toBeLessThanOrEqual(600);
    for (const n of ['Amoxicillin', 'Paracetamol', 'Metformin', 'Amlodipine', 'Artemether + lumefantrine', 'Co-trimoxazole', 'Oral rehydration salts', 'Zinc sulfate', 'Salbutamol', 'Ibuprofen']) {
      expect(list).toContain(n);
    }
    expect(new Set(list.map((n) => n.toLowerCase())).size).toBe(list.length);
    expect([...list].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(list);
  });

  it('agrees with the allergy check: its penicillins match a penicillin allergy, its sulfates do not match sulfa', () => {
    const penicillins = ESSENTIAL_MEDICINES.filter((n) => /cillin/i.test(n));
    expect(penicillins.length).toBeGreaterThan(8);
    expect(matchAllergies(penicillins.map((medicine) => ({ medicine })), [{ substance: 'Penicillin' }])).toHaveLength(penicillins.length);
    const sulfates = ESSENTIAL_MEDICINES.filter((n) => /sulfate/i.test(n) && !/sulfonamide/i.test(n));
    expect(matchAllergies(sulfates.map((medicine) => ({ medicine })), [{ substance: 'Sulfa' }])).toEqual([]);
    expect(matchAllergies(ESSENTIAL_MEDICINES.map((medicine) => ({ medicine })), [{ substance: 'Peanuts' }, { substance: 'Latex' }])).toEqual([]);
  });
});
