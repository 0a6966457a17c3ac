/** The `/api/health-check/` operation (see lib/api/operation.ts). */
import { defineOperation } from '@/lib/api/operation';
import { healthCheckResponseSchema } from './serialize';

export const healthCheckOperation = defineOperation({
  method: 'GET', path: '/api/health-check/', operationId: 'healthCheck', tag: 'Health', auth: 'none',
  summary: 'Is the server and its database up, with its migrations applied?',
  success: { status: 200, description: 'The server and its database answer, and the database holds every migration this build ships.', schema: healthCheckResponseSchema },
  otherResponses: { 503: { description: 'The database does not answer, or lacks migrations this build ships (`"status":"unavailable"`).', schema: healthCheckResponseSchema } },
});
