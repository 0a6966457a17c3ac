import { NextResponse } from 'next/server';
import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { listHandler } from '@/lib/appointments/api-handlers';
import { bookAppointment } from '@/lib/appointments/book-appointment';
import { bookAppointmentSchema } from '@/lib/appointments/schemas';
import { serializeAppointment } from '@/lib/appointments/serialize';
import { assertRole } from '@/lib/auth/current-user';

// GET /api/appointments/ — list, role-filtered, newest first
export const GET = withApi(listHandler('all'));

// POST /api/appointments/ — book a pending appointment in a free slot (201)
export const POST = withApi(async ({ user, actor, body }) => {
  const input = await body(bookAppointmentSchema);
  const a = await bookAppointment({ user: assertRole(user), actor, input });
  return NextResponse.json(serializeAppointment(a), { status: 201 });
});

// Other methods — 405 with Allow: GET, POST
export const { PUT, PATCH, DELETE } = methodsNotAllowed(['GET', 'POST']);
