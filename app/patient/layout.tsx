import { requirePageUser } from '@/lib/auth/page-guard';

/** Every page under /patient is for the patient role only (each page checks again: layouts do not re-run on every navigation). */
export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser(['patient'], '/patient');
  return children;
}
