import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';

// GET /api/appointments/upcoming/ — active appointments from now on, soonest first, role-filtered
export const GET = withApi(listHandler('upcoming'));

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
