import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';

// GET /api/appointments/today/ — the clinic day's appointments in time order, role-filtered
export const GET = withApi(listHandler('today'));

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
