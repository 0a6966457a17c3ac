import type { Metadata } from 'next';
import Link from 'next/link';
import { NewPatientForm } from '@/components/patients/new-patient-form';
import { requirePageUser } from '@/lib/auth/page-guard';
import { startWalkInAction } from '../actions';
import { registerWalkInAction } from './actions';

export const metadata: Metadata = { title: 'Register a patient' };

/** A doctor registers a walk-in patient without an account (possible duplicates are shown first), then may start their visit at once. */
export default async function NewPatientPage() {
  await requirePageUser(['doctor'], '/doctor/patients/new');
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <p><Link href="/doctor/patients" className="text-teal-900 underline">← Patients</Link></p>
      <h1 className="text-2xl font-bold">Register a new patient</h1>
      <p className="text-slate-600">For a patient without an account. Search <Link href="/doctor/patients" className="underline">Patients</Link> first: the clinic may know them already.</p>
      <NewPatientForm action={registerWalkInAction} startVisitAction={startWalkInAction} />
    </div>
  );
}
