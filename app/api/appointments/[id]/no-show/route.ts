import { withApi } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';

// POST /api/appointments/{id}/no-show/ — marks a no-show after the start time
export const POST = withApi<{ id: string }>(statusActionHandler('no-show'));
