/**
 * The architecture is checked, not hoped for: dependency-cruiser holds the layers and forbids import
 * cycles (./dependency-rules.cjs), ESLint keeps dialect-specific constructs inside the seam
 * (./eslint.config.mjs). Both run on the real tree, and on ./fixture — a tree that breaks every rule on
 * purpose — where each violation must be reported (so a check that silently passes everything fails here).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(__dirname, 'fixture');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
const LAYERS = ['core', 'db', 'lib', 'components', 'app'];
const TIMEOUT = 240_000;

interface Violation { rule: { name: string }; from: string; to: string }

/** Runs dependency-cruiser with our rules in `cwd` over `dirs`: the violations, as `rule from → to`. */
function cruise(cwd: string, dirs: string[]): string[] {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', path.join(__dirname, 'dependency-rules.cjs'), '--output-type', 'json', ...dirs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (!r.stdout) throw new Error(`dependency-cruiser failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  expect(out.summary.totalCruised).toBeGreaterThan(0);
  return out.summary.violations.map((v) => `${v.rule.name} ${v.from} → ${v.to}`).sort();
}

/** Runs ESLint with our rules in `cwd` over `dirs`: the problems, as `file:line message-start`. */
function lint(cwd: string, dirs: string[]): string[] {
  const r = spawnSync(process.execPath, [ESLINT, '--config', path.join(__dirname, 'eslint.config.mjs'), '--format', 'json', ...dirs], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (!r.stdout) throw new Error(`ESLint failed: ${r.stderr}`);
  const files = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ line: number; message: string }> }>;
  return files.flatMap((f) => f.messages.map((m) => `${path.relative(cwd, f.filePath)}:${m.line} ${m.message.split(':')[0].split(' belongs')[0]}`)).sort();
}

describe('architecture', () => {
  it('keeps the layers one way with no import cycles (dependency-cruiser)', () => {
    expect(cruise(ROOT, [...LAYERS, 'scripts', 'bench'])).toEqual([]);
  }, TIMEOUT);

  it('keeps dialect-specific constructs inside the seam (ESLint)', () => {
    expect(lint(ROOT, [...LAYERS, 'scripts', 'bench'])).toEqual([]);
  }, TIMEOUT);

  it('reports every layer violation and cycle of the fixture', () => {
    expect(cruise(FIXTURE, LAYERS)).toEqual([
      'app-not-db app/page.tsx → db/repo.ts',
      'components-not-db components/row-card.tsx → db/repo.ts', // a type-only import counts
      'core-imports-nothing-of-ours core/clock.ts → lib/service.ts',
      'db-imports-only-core db/repo.ts → lib/helper.ts',
      'no-cycles db/repo.ts → lib/helper.ts',
      'no-cycles lib/helper.ts → lib/service.ts',
      'schema-source-only-generated lib/service.ts → db/schema/tables.ts',
    ]);
  }, TIMEOUT);

  it('reports every dialect-specific construct of the fixture outside the seam', () => {
    expect(lint(FIXTURE, LAYERS)).toEqual([
      'db/repo.ts:14 An upsert clause of one dialect',
      'db/repo.ts:18 A cast of a driver result',
      'db/repo.ts:9 A branch on the dialect',
      'db/repo.ts:9 A locking read (`.for(\'update\')`, MySQL only)',
    ]);
  }, TIMEOUT);
});
