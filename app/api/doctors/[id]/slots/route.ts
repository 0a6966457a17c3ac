/** `/api/doctors/{id}/slots/`; what it does, who may call it and its schemas: lib/appointments/availability-operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listDoctorSlotsOperation } from '@/lib/appointments/availability-operations';
import { serializeSlots } from '@/lib/appointments/availability-serialize';
import { listDoctorSlots } from '@/lib/appointments/availability-services';

export const dynamic = 'force-dynamic';

export const GET = withApi(listDoctorSlotsOperation, async ({ user, params, query }) =>
  serializeSlots(await listDoctorSlots({ user, doctorId: params.id, from: query.from, to: query.to })));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
