/** The API's User shape (the seed's field names; never a password or hash). */
import type { UserRow } from '@/db/repositories/users';
import { toClinicIso } from '@/core/time';

export interface UserJson {
  id: number;
  email: string | null;
  name: string;
  role: UserRow['role'];
  contact_info: { phone: string | null; address: string | null };
  is_active: boolean;
  date_joined: string;
}

/** `UserRow` → `{ id, email, name, role, contact_info: {phone, address}, is_active, date_joined }`. */
export function serializeUser(u: UserRow): UserJson {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    contact_info: { phone: u.phone, address: u.address },
    is_active: u.isActive,
    date_joined: toClinicIso(u.dateJoined),
  };
}
