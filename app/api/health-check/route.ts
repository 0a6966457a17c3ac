import { NextResponse } from 'next/server';
import { dialectOf, getDatabase } from '@/db';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';

export const dynamic = 'force-dynamic';

// GET /api/health-check/ — {"status":"ok","database":"sqlite"|"mysql"}, or 503 when the database does not answer
export const GET = withApi(async () => {
  let database = 'unknown';
  try {
    database = dialectOf();
    const db = await getDatabase();
    database = db.dialect;
    await db.ping();
    return { status: 'ok', database };
  } catch {
    return NextResponse.json({ status: 'unavailable', database }, { status: 503 });
  }
}, { auth: 'none' });

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
