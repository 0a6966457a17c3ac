/** `/api/health-check/`; what it does, who may call it and its schemas: lib/health/operations.ts. */
import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { checkHealth } from '@/lib/health/check-health';
import { healthCheckOperation } from '@/lib/health/operations';
import { serializeHealth } from '@/lib/health/serialize';

export const dynamic = 'force-dynamic';

export const GET = withApi(healthCheckOperation, async () => {
  const health = await checkHealth();
  return health.ok ? serializeHealth(health) : NextResponse.json(serializeHealth(health), { status: 503 });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
