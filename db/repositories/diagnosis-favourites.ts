/** The clinic's favourite diagnosis codes (`diagnosis_favourites`), in the order admins gave them. */
import { asc } from 'drizzle-orm';
import type { CodeSystem } from '../../core/vocabulary';
import { q, tables } from '../index';

export interface DiagnosisFavouriteRow {
  system: CodeSystem;
  code: string;
  position: number;
  updatedAt: Date;
}

/** Every favourite, by position. */
export async function listDiagnosisFavourites(): Promise<DiagnosisFavouriteRow[]> {
  const db = await q();
  const f = tables.diagnosisFavourites;
  return db.select({ system: f.system, code: f.code, position: f.position, updatedAt: f.updatedAt })
    .from(f).orderBy(asc(f.position), asc(f.id));
}

/**
 * Replaces the whole list with `items` (positions 0, 1, 2… in this order). Call inside a transaction:
 * it deletes then inserts. Codes must be distinct per system (unique index).
 */
export async function replaceDiagnosisFavourites(items: ReadonlyArray<{ system: CodeSystem; code: string }>, at: Date): Promise<void> {
  const db = await q();
  const f = tables.diagnosisFavourites;
  await db.delete(f);
  if (items.length) {
    await db.insert(f).values(items.map((it, position) => ({ system: it.system, code: it.code, position, updatedAt: at })));
  }
}
