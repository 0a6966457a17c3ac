/**
 * Age bands of the dashboard's "patients seen" breakdown (WHO-style reporting bands used by
 * DHIS2 outpatient summaries: under 5, 5–14, 15–24, 25–44, 45–64, 65 and over).
 */
export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-44', '45-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The age band of an age in whole years. */
export function ageBand(age: number): AgeBand {
  if (age < 5) return '0-4';
  if (age < 15) return '5-14';
  if (age < 25) return '15-24';
  if (age < 45) return '25-44';
  if (age < 65) return '45-64';
  return '65+';
}
