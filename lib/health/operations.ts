/** The `/api/health-check/` operation (see lib/api/operation.ts). */
import { defineOperation } from '@/lib/api/operation';
import { healthCheckResponseSchema } from './serialize';

export const healthCheckOperation = defineOperation({
  method: 'GET', path: '/api/health-check/', operationId: 'healthCheck', tag: 'Health', auth: 'none',
  summary: 'Is the server and its database up?',
  success: { status: 200, description: 'The server and its database answer.', schema: healthCheckResponseSchema },
  otherResponses: { 503: { description: 'The database does not answer (`"status":"unavailable"`).', schema: healthCheckResponseSchema } },
});
