/** The health check's answer: its schema and its serializer. */
import { z } from 'zod';
import type { Health } from './check-health';

export const healthCheckResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'mysql']),
}).meta({ id: 'HealthCheck' });

/** The documented answer (`HealthCheck` in the OpenAPI document). */
export type HealthCheckJson = z.input<typeof healthCheckResponseSchema>;

/** `{ status: 'ok' | 'unavailable', database }`; `database` is `unknown` when its configuration cannot be read. */
export function serializeHealth(h: Extract<Health, { ok: true }>): HealthCheckJson;
export function serializeHealth(h: Health): HealthCheckJson | { status: 'unavailable'; database: 'unknown' };
export function serializeHealth(h: Health): HealthCheckJson | { status: 'unavailable'; database: 'unknown' } {
  return h.ok ? { status: 'ok', database: h.database } : { status: 'unavailable', database: h.database };
}
