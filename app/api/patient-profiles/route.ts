import { NextResponse } from 'next/server';
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { paginated, pageWindow, paginationSchema } from '@/lib/api/pagination';
import { assertRole } from '@/lib/auth/current-user';
import { createPatientByStaff } from '@/lib/patients/create-patient-by-staff';
import { listPatientProfiles } from '@/lib/patients/list-patient-profiles';
import { createPatientByStaffSchema, listPatientProfilesSchema } from '@/lib/patients/schemas';
import { serializePatientProfile } from '@/lib/patients/serialize';

// GET /api/patient-profiles/ — list, role-filtered (patient: own; doctor: linked patients; admin: all), ?q= search, by name
export const GET = withApi(async ({ req, user, actor, query }) => {
  const p = query(paginationSchema);
  const { q } = query(listPatientProfilesSchema);
  const { count, rows } = await listPatientProfiles({ user: assertRole(user), actor, q, page: pageWindow(p) });
  return paginated(req, p, count, rows.map(serializePatientProfile));
});

// POST /api/patient-profiles/ — doctor/admin registers a walk-in patient (201); 409 possible_duplicate unless confirm_not_duplicate
export const POST = withApi(async ({ user, actor, body }) => {
  const input = await body(createPatientByStaffSchema);
  const profile = await createPatientByStaff({ user: assertRole(user, ['doctor', 'admin']), actor, input });
  return NextResponse.json(serializePatientProfile(profile), { status: 201 });
}, { roles: ['doctor', 'admin'] });

// Other methods — 405 with Allow: GET, POST
export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
