import { findUserById } from '@/db/repositories/users';
import { assertRole, type CurrentUser } from '@/lib/auth/current-user';
import { notFound } from '@/lib/errors';
import { assertNotMerged } from '@/lib/patients/merged';

/** The patient staff book for: `{ id, name }` (demographics are open to staff); 404 when not a patient. */
export async function getBookingPatient(user: CurrentUser, patientId: number) {
  assertRole(user, ['doctor', 'admin']);
  const p = await findUserById(patientId);
  if (!p || p.role !== 'patient') throw notFound('The patient');
  await assertNotMerged(p, 'The patient');
  return { id: p.id, name: p.name };
}
