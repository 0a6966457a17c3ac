import type { Metadata } from 'next';
import { MedicineDatalist } from '@/components/records/medicine-datalist';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PatientIdentityBlock } from '@/components/patients/patient-identity';
import { ChartVisitForm } from '@/components/records/chart-visit-form';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { getChartingContext } from '@/lib/records/get-charting-context';
import { mergedIntoOf } from '@/lib/patients/merged';
import { MergedNotice } from '@/components/patients/merged-notice';
import { formatDate, formatTime } from '@/core/time';
import { chartVisitAction } from './actions';

export const metadata: Metadata = { title: 'Chart a visit' };

/** Chart a visit for a linked patient, from an appointment (`?appointment=`) or directly. */
export default async function ChartVisitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ appointment?: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/patients/${id}/chart`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const sp = await searchParams;
  let ctx: Awaited<ReturnType<typeof getChartingContext>>;
  try {
    ctx = await getChartingContext({ user, patientId: Number(id), appointmentId: sp.appointment && /^\d{1,15}$/.test(sp.appointment) ? Number(sp.appointment) : undefined });
  } catch (e) {
    const survivorId = mergedIntoOf(e);
    if (survivorId === undefined) return orPageError(Promise.reject(e));
    return <MergedNotice href={`/doctor/patients/${survivorId}`} />;
  }
  const { patient, appointment } = ctx;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Chart a visit: {patient.name}</h1>
        {appointment && <p className="text-slate-700">Appointment {formatDate(appointment.startAt)} {formatTime(appointment.startAt)}</p>}
        <Link href={`/doctor/patients/${patient.id}`} className="text-teal-800 underline print:hidden">← Back to the chart</Link>
      </div>
      <PatientIdentityBlock patient={patient}>
        {patient.allergies.length > 0 && <p className="mt-1 font-semibold text-rose-800 print:text-black">Allergies: {patient.allergies.map((a) => a.substance).join('; ')}</p>}
      </PatientIdentityBlock>
      <MedicineDatalist />
      <ChartVisitForm patientId={patient.id} appointmentId={appointment?.id} ageYears={patient.age} action={chartVisitAction} />
    </div>
  );
}
