import { paginated, paginationSchema } from '@/lib/api/pagination';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { listBookableDoctorsPaged } from '@/lib/appointments/availability-services';
import { serializeBookableDoctor } from '@/lib/appointments/availability-serialize';

export const dynamic = 'force-dynamic';

// GET /api/doctors/ — active, bookable doctors, paginated (any signed-in user)
export const GET = withApi(async ({ req, user, query }) => {
  const page = query(paginationSchema);
  const { count, doctors } = await listBookableDoctorsPaged({ user, page });
  return paginated(req, page, count, doctors.map(serializeBookableDoctor));
});

// Other methods — 405 with Allow: GET
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
