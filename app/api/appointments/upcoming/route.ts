import { withApi } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';

// GET /api/appointments/upcoming/ — active appointments from now on, soonest first, role-filtered
export const GET = withApi(listHandler('upcoming'));
