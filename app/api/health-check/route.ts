/** `/api/health-check/`; what it does, who may call it and its schemas: lib/health/operations.ts. */
import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { healthAnswer } from '@/lib/health/health-answer';
import { healthCheckOperation } from '@/lib/health/operations';

export const dynamic = 'force-dynamic';

// The production server answers a plain `GET /api/health-check/` before Next's router, with the same
// function (instrumentation.ts, scripts/serve.mjs); this handler serves every other form of the request.
export const GET = withApi(healthCheckOperation, async () => {
  const { status, body } = await healthAnswer();
  return status === 200 ? body : NextResponse.json(body, { status });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
