/**
 * `npm run db:import -- <file or folder> [more…]`: imports FHIR R4 Bundles (a .json file, or every
 * *.json in a folder) into the database DATABASE_URL selects (default SQLite data/ehealth.sqlite),
 * after applying its migrations. One transaction per bundle; re-running updates instead of duplicating.
 * Shows a progress bar on a terminal, one line per file otherwise, then a summary.
 * Exit code 0 when every file imported, 1 when some failed, 2 on a usage or setup error.
 *
 * SQLite: the server may have the file open; each bundle's transaction waits for the write lock
 * (and the server's writes wait for it), so large imports are best run with the server stopped.
 */
import cliProgress from 'cli-progress';
import { closeDatabase, getDatabase } from '../db';
import { COUNT_KEYS, emptyCounts } from '@/lib/fhir/bundle-writer';
import type { FhirImportError } from '@/lib/fhir/import-bundle';
import { importPath, type PathImportResult } from '@/lib/fhir/import-path';
import { ensureVisitStats } from '../lib/dashboard/ensure-visit-stats';

const USAGE = 'usage: npm run db:import -- [--confirm-new-patients] <bundle.json | folder> [more…]\n'
  + '  A bundle whose Patient matches a registered patient it is not linked to (same date of birth and a\n'
  + '  close name or the same phone) is refused, listing the matches; --confirm-new-patients creates\n'
  + '  such patients anyway.';

/** `file (Type/id): message` — the resource only when the message does not already start with it. */
function describeFailure(e: FhirImportError): string {
  const where = e.resource && !e.message.startsWith(e.resource) ? ` (${e.resource})` : '';
  return `${e.file}${where}: ${e.message}`;
}

function summary(results: PathImportResult[], ms: number, where: string): string {
  const counts = emptyCounts();
  let files = 0, failed = 0, skipped = 0, ignored = 0, unknown = 0;
  for (const r of results) {
    files += r.files;
    failed += r.failed.length;
    skipped += r.skipped;
    ignored += r.ignored;
    unknown += r.unknownPractitioner;
    for (const k of COUNT_KEYS) {
      counts[k].created += r.counts[k].created;
      counts[k].updated += r.counts[k].updated;
    }
  }
  const w = 14;
  const lines = [
    '',
    `Imported ${files - failed} of ${files} file(s) into ${where} in ${(ms / 1000).toFixed(1)} s; ${failed} failed.`,
    `${''.padEnd(w)}${'created'.padStart(9)}${'updated'.padStart(9)}`,
    ...COUNT_KEYS.map((k) => `${k.padEnd(w)}${String(counts[k].created).padStart(9)}${String(counts[k].updated).padStart(9)}`),
    `skipped resources: ${skipped} (not imported, e.g. no encounter in the bundle)`,
    `ignored entries:   ${ignored} (types the app does not store: claims, labs, procedures, BMI…)`,
  ];
  if (unknown) lines.push(`encounters without a resolvable practitioner (charted under "Unknown practitioner"): ${unknown}`);
  const failures = results.flatMap((r) => r.failed);
  if (failures.length) {
    lines.push('', 'Failed files (nothing of them was imported):');
    for (const e of failures) lines.push(`  ${describeFailure(e)}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const confirmNewPatients = args.includes('--confirm-new-patients');
  const targets = args.filter((a) => a !== '--confirm-new-patients');
  if (!targets.length || targets.some((a) => a === '-h' || a === '--help')) {
    console.error(USAGE);
    return 2;
  }
  const db = await getDatabase();
  await db.migrate();
  await ensureVisitStats((line) => console.log(line));
  const started = Date.now();
  const results: PathImportResult[] = [];
  const tty = !!process.stdout.isTTY;
  for (const target of targets) {
    let bar: cliProgress.SingleBar | undefined;
    const errors: string[] = [];
    try {
      results.push(await importPath(target, {
        confirmNewPatients,
        onProgress: (p) => {
          if (tty) {
            if (!bar) {
              bar = new cliProgress.SingleBar({ format: `${target} [{bar}] {value}/{total} {file}`, hideCursor: true }, cliProgress.Presets.shades_classic);
              bar.start(p.total, 0, { file: '' });
            }
            bar.update(p.done, { file: p.file });
            if (p.error) errors.push(describeFailure(p.error));
            if (p.done === p.total) bar.stop();
          } else if (p.error) {
            console.log(`[${p.done}/${p.total}] FAILED ${describeFailure(p.error)}`);
          } else if (p.result) {
            const c = p.result.counts;
            const n = (k: keyof typeof c) => c[k].created + c[k].updated;
            console.log(`[${p.done}/${p.total}] ${p.file}: ${n('patients')} patient(s), ${n('encounters')} encounter(s), ${n('vitals')} vital sign(s), ${n('conditions')} condition(s), ${n('medications')} medication(s), ${n('allergies')} allerg(ies)`);
          }
        },
      }));
    } catch (e) {
      bar?.stop();
      console.error(`${target}: ${(e as Error).message}`);
      return 2;
    }
    for (const line of errors) console.log(`FAILED ${line}`);
  }
  console.log(summary(results, Date.now() - started, db.describe));
  return results.some((r) => r.failed.length) ? 1 : 0;
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exitCode = code;
  })
  .catch(async (e) => {
    console.error(e instanceof Error ? e.message : e);
    await closeDatabase().catch(() => undefined);
    process.exitCode = 2;
  });
