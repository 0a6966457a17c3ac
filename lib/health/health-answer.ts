/** The health check's answer, shared by the route handler and the server's probe fast path. */
import { checkHealth } from './check-health';
import { serializeHealth, type HealthCheckJson } from './serialize';

/**
 * The health check's whole answer, `{ status: 200 | 503, body }` with the body serialized as the API
 * documents it: used by the route handler and by the server's framework-free fast path for probes
 * (instrumentation.ts, scripts/serve.mjs), so both always answer alike.
 */
export async function healthAnswer(): Promise<{ status: 200; body: HealthCheckJson } | { status: 503; body: ReturnType<typeof serializeHealth> }> {
  const health = await checkHealth();
  return health.ok ? { status: 200, body: serializeHealth(health) } : { status: 503, body: serializeHealth(health) };
}
