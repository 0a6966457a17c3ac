/**
 * The ICD-10 code list shipped in this folder (`icd10cm-fy2022.tsv.gz`, built by `npm run icd10:build`;
 * format in `./format.ts`): its name, version, attribution and entry shape.
 *
 * Source: the US ICD-10-CM code set, fiscal year 2022 (valid 2021-10-01 to 2022-09-30), published by
 * CMS/NCHS for free public use — NCHS's clinical modification of the WHO's ICD-10 (© WHO, adapted
 * with permission) — as compiled in the `icd10us` R package by Victor Castro
 * (https://github.com/vcastro/icd10us), licensed CC BY 4.0. Keep `ICD10_ATTRIBUTION` with the data.
 *
 * `display` is the long description (the code's full title, e.g. "Encounter for general adult medical
 * examination without abnormal findings"); the short one is abbreviated ("Encntr … w/o …").
 */

/** The code system name recorded with each diagnosis. */
export const ICD10_SYSTEM = 'ICD-10' as const;

/** The version of the shipped list. */
export const ICD10_VERSION = 'ICD-10-CM FY2022' as const;

/** Attribution to show with the list (README "Data and licences", about pages, exports). */
export const ICD10_ATTRIBUTION =
  'ICD-10 codes: ICD-10-CM FY2022, published by the US Centers for Medicare & Medicaid Services (CMS) and ' +
  'the National Center for Health Statistics (NCHS); ICD-10 © World Health Organization, adapted with permission. ' +
  'Compiled by the icd10us package (Victor Castro, https://github.com/vcastro/icd10us), licensed under ' +
  'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); reduced here to codes, billable flags and descriptions.';

/** One code of the list. */
export interface Icd10Entry {
  system: typeof ICD10_SYSTEM;
  /** With its dot, upper case: `E11.9`. */
  code: string;
  /** The full title (the long description). */
  display: string;
  /** The ≤ 60-character abbreviated description. */
  shortDescription: string;
  /** Valid for claims (a leaf); false for a category or header such as `E11`. */
  billable: boolean;
}

/** A search result. */
export type Icd10Match = Pick<Icd10Entry, 'system' | 'code' | 'display' | 'billable'>;
