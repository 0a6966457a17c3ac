import { requirePageUser } from '@/lib/auth/page-guard';

/** Every page under /doctor is for the doctor role only (each page checks again: layouts do not re-run on every navigation). */
export default async function DoctorLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser(['doctor'], '/doctor');
  return children;
}
