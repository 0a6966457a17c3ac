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
 * Search (`searchIcd10`):
 * - A query of fewer than 2 characters (after trimming) answers `[]`: one letter matches thousands of
 *   codes and ranks none of them usefully; the picker asks for more.
 * - By code: a query shaped like the start of a code, with or without its dot and in any case
 *   (`b54`, `J06.9`, `j069`, `E11`, `i1`), matches the codes starting with it: the exact code first,
 *   then the longer ones, shortest first (category, then subdivisions), in code order.
 * - By words: every word of the query must be the start of a word of the code's short or long
 *   description (case and accents ignored: `malar` finds malaria, `type 2 diab` finds E11.x).
 * - Ranking: exact code > code prefix > word matches; word matches rank 3- and 4-character codes
 *   (the category and its first subdivision, what clinicians pick) above longer ones, then shorter
 *   descriptions first, then code order.
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
