import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';

export const dynamic = 'force-dynamic';

// GET /api/health-check/ — {"status":"ok","database":"sqlite"|"mysql"}, or 503 when the database does not answer
export const GET = withApi(async () => {
  const { ok, database } = await checkHealth();
  return ok ? { status: 'ok', database } : NextResponse.json({ status: 'unavailable', database }, { status: 503 });
}, { auth: 'none' });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
