import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/current-user';
import { homeOf } from '@/lib/auth/page-guard';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Register' };

export default async function RegisterPage() {
  const user = await getSessionUser();
  if (user) redirect(homeOf(user.role));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-bold">Create your patient account</h1>
      <p className="mb-4 text-slate-600">Book appointments and read your own visit history.</p>
      <RegisterForm />
    </div>
  );
}
