import { requirePageUser } from '@/lib/auth/page-guard';

/** Every page under /admin is for the admin role only (each page checks again: layouts do not re-run on every navigation). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageUser(['admin'], '/admin');
  return children;
}
