import { and, eq } from 'drizzle-orm';
import { q, tables } from '../index';
import { upsert } from '../dialect';

/** Our row for an external resource `(system, resourceType, externalId)`: `{ entity, entityId }` or undefined. */
export async function findExternalId(system: string, resourceType: string, externalId: string) {
  const db = await q();
  const x = tables.externalIds;
  const [row] = await db.select({ entity: x.entity, entityId: x.entityId }).from(x)
    .where(and(eq(x.system, system), eq(x.resourceType, resourceType), eq(x.externalId, externalId))).limit(1);
  return row;
}

/** Links an external resource to our row (idempotent: a second call updates the link). */
export async function linkExternalId(system: string, resourceType: string, externalId: string, entity: string, entityId: number) {
  const x = tables.externalIds;
  const now = new Date();
  await upsert(x, { system, resourceType, externalId, entity, entityId, updatedAt: now }, [x.system, x.resourceType, x.externalId], { entity, entityId, updatedAt: now });
}
