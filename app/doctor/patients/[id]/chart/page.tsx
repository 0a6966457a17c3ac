import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ChartVisitForm } from '@/components/records/chart-visit-form';
import { findAppointmentById } from '@/db/repositories/appointments';
import { findPatientByUserId } from '@/db/repositories/patients';
import { findUserById } from '@/db/repositories/users';
import { requirePageUser } from '@/lib/auth/page-guard';
import { canOpenChart } from '@/lib/auth/policy';
import { ageOn, clinicToday, formatDate, formatTime } from '@/lib/time';
import { chartVisitAction } from './actions';

export const metadata: Metadata = { title: 'Chart a visit' };

/** Chart a visit for a linked patient, from an appointment (`?appointment=`) or directly. */
export default async function ChartVisitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ appointment?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/patients/${id}/chart`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const patientId = Number(id);
  const [patient, profile] = await Promise.all([findUserById(patientId), findPatientByUserId(patientId)]);
  if (!patient || patient.role !== 'patient' || !profile) notFound();
  if (!(await canOpenChart(user, patientId))) forbidden();
  const sp = await searchParams;
  const appointment = sp.appointment && /^\d+$/.test(sp.appointment) ? await findAppointmentById(Number(sp.appointment)) : undefined;
  const usable = appointment && appointment.patientId === patientId && appointment.doctorId === user.id && (appointment.status === 'pending' || appointment.status === 'confirmed') && clinicToday(appointment.startAt) <= clinicToday() ? appointment : undefined;
  const age = profile.dateOfBirth ? ageOn(profile.dateOfBirth) : null;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Chart a visit: {patient.name}</h1>
        <p className="text-slate-700">{profile.patientNumber}{age !== null ? ` · ${age} years` : ''}{usable ? ` · appointment ${formatDate(usable.startAt)} ${formatTime(usable.startAt)}` : ''}</p>
        {profile.allergies.length > 0 && <p className="font-semibold text-rose-800">Allergies: {profile.allergies.map((a) => a.substance).join('; ')}</p>}
        <Link href={`/doctor/patients/${patientId}`} className="text-teal-800 underline">← Back to the chart</Link>
      </div>
      <ChartVisitForm patientId={patientId} appointmentId={usable?.id} ageYears={age} action={chartVisitAction} />
    </div>
  );
}
