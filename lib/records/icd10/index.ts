/**
 * ICD-10 code search for diagnoses, over the code list shipped in this folder
 * (`icd10cm-fy2022.tsv.gz`, built by `npm run icd10:build`; format in `./format.ts`). The list and its
 * attribution: list.ts; loading and lookup by code: code-index.ts; search: search.ts.
 *
 * Source: the US ICD-10-CM code set, fiscal year 2022 (valid 2021-10-01 to 2022-09-30), published by
 * CMS/NCHS for free public use — NCHS's clinical modification of the WHO's ICD-10 (© WHO, adapted
 * with permission) — as compiled in the `icd10us` R package by Victor Castro
 * (https://github.com/vcastro/icd10us), licensed CC BY 4.0. Keep `ICD10_ATTRIBUTION` with the data.
 *
 * The file is read, gunzipped and indexed once per process, on the first call (never at import, so
 * `next build` does not load it): 95,524 codes and an inverted index of their words, about 0.4 s and
 * 40 MB. After that a search takes well under a millisecond (`npm run bench -- icd10`).
 *
 * Search (`searchIcd10`, rules in search.ts): by code (exact, then the codes under it), then by
 * words, ranked for primary care in Kenya — the usual code of a common word first, British spellings,
 * everyday terms and whole-word abbreviations (terms.ts, `terms.tsv`), the MOH 705 conditions
 * (`primary-care.tsv`), shorter codes before their longer children. The API adds the clinic's own
 * usage and favourites (clinic-search.ts, favourites.ts).
 *
 * `display` is the long description (the code's full title, e.g. "Encounter for general adult medical
 * examination without abnormal findings"); the short one is abbreviated ("Encntr … w/o …").
 */
export { ICD10_ATTRIBUTION, ICD10_SYSTEM, ICD10_VERSION, type Icd10Entry, type Icd10Match } from './list';
export { buildIcd10Index, findIcd10, icd10DataFile, listIcd10Entries, preloadIcd10, useIcd10DataFile } from './code-index';
export {
  ICD10_MIN_QUERY_LENGTH, PRIMARY_CARE_POINTS, icd10SearchVocabulary, makeIcd10Boost, preloadIcd10Ranking, searchIcd10,
  type Icd10Boost, type SearchIcd10Options,
} from './search';
