import { idParam } from '@/lib/api/params';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { listDoctorSlots } from '@/lib/appointments/availability-services';
import { serializeSlots } from '@/lib/appointments/availability-serialize';
import { slotsQuerySchema } from '@/lib/appointments/schemas';

export const dynamic = 'force-dynamic';

// GET /api/doctors/{id}/slots/?from=YYYY-MM-DD&to=YYYY-MM-DD — a doctor's free slots (at most 31 days)
export const GET = withApi<{ id: string }>(async ({ params, user, query }) => {
  const doctorId = idParam(params.id, 'The doctor');
  const { from, to } = query(slotsQuerySchema);
  const slots = await listDoctorSlots({ user, doctorId, from, to });
  return serializeSlots(slots);
});

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
