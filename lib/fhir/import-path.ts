/**
 * `npm run db:import -- <file or folder>`: imports a FHIR R4 bundle file, or every `*.json` bundle in a
 * folder, one transaction per file (lib/fhir/import-bundle.ts), and sums up what was imported.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { rootCauseMessage } from '@/db/dialect';
import { COUNT_KEYS, emptyCounts, type ImportCounts } from './bundle-writer';
import { FhirImportError, auditImportFailure, importBundle, type BundleImportResult } from './import-bundle';

/** Progress after each file of `importPath`. */
export interface ImportProgress {
  /** Files done so far (1-based) and in all. */
  done: number;
  total: number;
  file: string;
  result?: BundleImportResult;
  error?: FhirImportError;
}

/** What `importPath` did. */
export interface PathImportResult {
  files: number;
  imported: BundleImportResult[];
  failed: FhirImportError[];
  /** Sum over the imported bundles. */
  counts: ImportCounts;
  skipped: number;
  ignored: number;
  unknownPractitioner: number;
}

/** A `.json` file, or every `*.json` directly in a folder (sorted by name). */
export async function listBundleFiles(target: string): Promise<string[]> {
  const st = await fs.stat(target);
  if (!st.isDirectory()) return [target];
  const names = (await fs.readdir(target, { withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.json')).map((d) => d.name).sort();
  return names.map((n) => path.join(target, n));
}

/**
 * Imports a bundle file, or every `*.json` bundle in a folder, one transaction per file, in name
 * order. A file that fails (unreadable, invalid JSON, invalid bundle, database error) is collected
 * in `failed` and the next file is imported. `onProgress` is called after each file.
 * `confirmNewPatients`: see `importBundle` (unlinked Patients matching registered ones are created anyway).
 */
export async function importPath(target: string, opts: { onProgress?: (p: ImportProgress) => void; confirmNewPatients?: boolean } = {}): Promise<PathImportResult> {
  const files = await listBundleFiles(target);
  const out: PathImportResult = { files: files.length, imported: [], failed: [], counts: emptyCounts(), skipped: 0, ignored: 0, unknownPractitioner: 0 };
  for (const [i, full] of files.entries()) {
    const file = path.basename(full);
    let result: BundleImportResult | undefined;
    let error: FhirImportError | undefined;
    let bundle: unknown;
    let readable = false;
    try {
      bundle = JSON.parse((await fs.readFile(full, 'utf8')).replace(/^\uFEFF/, ''));
      readable = true;
    } catch (e) {
      error = new FhirImportError(file, e instanceof SyntaxError ? `invalid JSON: ${e.message}` : rootCauseMessage(e));
      await auditImportFailure(file, error);
    }
    if (readable) {
      try {
        result = await importBundle(bundle, { file, confirmNewPatients: opts.confirmNewPatients });
      } catch (e) {
        error = e instanceof FhirImportError ? e : new FhirImportError(file, rootCauseMessage(e));
      }
    }
    if (result) {
      out.imported.push(result);
      for (const k of COUNT_KEYS) {
        out.counts[k].created += result.counts[k].created;
        out.counts[k].updated += result.counts[k].updated;
      }
      out.skipped += result.skipped.length;
      out.ignored += result.ignored;
      out.unknownPractitioner += result.unknownPractitioner;
    }
    if (error) out.failed.push(error);
    opts.onProgress?.({ done: i + 1, total: files.length, file, result, error });
  }
  return out;
}
