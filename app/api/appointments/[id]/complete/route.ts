import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { statusActionHandler } from '@/lib/appointments/api-handlers';

// POST /api/appointments/{id}/complete/ — marks completed (charting does this too)
export const POST = withApi<{ id: string }>(statusActionHandler('complete'));

// Other methods — 405 with Allow: POST
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
