import { withApi } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';

// POST /api/appointments/{id}/complete/ — marks completed (charting does this too)
export const POST = withApi<{ id: string }>(statusActionHandler('complete'));
