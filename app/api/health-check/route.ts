import { NextResponse } from 'next/server';
import { getDatabase, dialectOf } from '@/db';

export const dynamic = 'force-dynamic';

// GET /api/health-check/ — {"status":"ok","database":"sqlite"|"mysql"}, or 503 when the database does not answer
export async function GET() {
  let database: string = 'unknown';
  try {
    database = dialectOf();
    const db = await getDatabase();
    await db.ping();
    return NextResponse.json({ status: 'ok', database });
  } catch {
    return NextResponse.json({ status: 'unavailable', database }, { status: 503 });
  }
}
