/** `/api/doctors/`; what it does, who may call it and its schemas: lib/appointments/availability-operations.ts. */
import { paginated } from '@/lib/api/pagination';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listDoctorsOperation } from '@/lib/appointments/availability-operations';
import { serializeBookableDoctor } from '@/lib/appointments/availability-serialize';
import { listBookableDoctorsPaged } from '@/lib/appointments/availability-services';

export const dynamic = 'force-dynamic';

export const GET = withApi(listDoctorsOperation, async ({ req, user, query }) => {
  const { count, doctors } = await listBookableDoctorsPaged({ user, page: query });
  return paginated(req, query, count, doctors.map(serializeBookableDoctor));
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
