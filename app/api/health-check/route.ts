import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health/check-health';
import { serializeHealth } from '@/lib/health/serialize';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';

export const dynamic = 'force-dynamic';

// GET /api/health-check/ — {"status":"ok","database":"sqlite"|"mysql"}, or 503 when the database does not answer
export const GET = withApi(async () => {
  const health = await checkHealth();
  return health.ok ? serializeHealth(health) : NextResponse.json(serializeHealth(health), { status: 503 });
}, { auth: 'none' });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
