import { redirect } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { getSessionUser } from '@/lib/auth/current-user';
import { homeOf } from '@/lib/auth/page-guard';

export default async function Landing() {
  const user = await getSessionUser();
  if (user) redirect(homeOf(user.role));
  return (
    <div className="flex flex-col gap-6 py-6">
      <h1 className="text-3xl font-bold">Your clinic, without the paper</h1>
      <p className="max-w-prose text-lg text-slate-700">
        E-Health keeps patient records, appointments and visit histories in one safe place. Patients book and read
        their own history from a phone; doctors run their day from one list; the clinic sees its numbers.
      </p>
      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/sign-in" size="lg">Sign in</ButtonLink>
        <ButtonLink href="/register" variant="secondary" size="lg">Register as a patient</ButtonLink>
      </div>
    </div>
  );
}
