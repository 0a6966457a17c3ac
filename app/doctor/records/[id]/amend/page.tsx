import type { Metadata } from 'next';
import { MedicineDatalist } from '@/components/records/medicine-datalist';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { PatientIdentityBlock } from '@/components/patients/patient-identity';
import { AmendRecordForm, type AmendRecordDefaults } from '@/components/records/amend-record-form';
import { actorOf } from '@/lib/auth/current-user';
import { requirePageUser, orPageError } from '@/lib/auth/page-guard';
import { getMedicalRecord } from '@/lib/records/get-medical-record';
import { canChangeRecord } from '@/lib/records/record-access';
import { contentOf, splitNotes } from '@/lib/records/record-content';
import { ageAtVisit } from '@/lib/records/serialize';
import { formatDate, formatTime } from '@/core/time';
import { amendRecordAction } from '../actions';

export const metadata: Metadata = { title: 'Amend a record' };

/** Amend a record the doctor wrote: the form starts from the current version. */
export default async function AmendRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(['doctor'], `/doctor/records/${id}/amend`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const data = await orPageError(getMedicalRecord({ user, actor: actorOf(user), recordId: Number(id) }));
  const { record: r, patient } = data;
  if (!canChangeRecord(user, r)) forbidden();
  const back = <Link href={`/doctor/records/${r.id}`} className="inline-flex min-h-11 items-center text-teal-800 underline">← Back to the record</Link>;
  if (r.status === 'entered-in-error') {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">This record cannot be amended</h1>
        <p>It was marked entered in error. Chart a new visit instead.</p>
        {back}
      </div>
    );
  }
  const { notes, prescription } = splitNotes(r.notes, r.prescriptions.length > 0);
  const defaults: AmendRecordDefaults = {
    symptoms: r.symptoms ?? '',
    notes: notes.trim(),
    freePrescription: prescription,
    diagnoses: r.diagnoses.filter((d) => d.system === 'ICD-10' || d.system === 'text').map((d) => ({
      system: d.system as 'ICD-10' | 'text', ...(d.system === 'ICD-10' && d.code ? { code: d.code } : {}), display: d.display, rank: d.rank, certainty: d.certainty,
    })),
    otherDiagnoses: r.diagnoses.filter((d) => d.system !== 'ICD-10' && d.system !== 'text')
      .map((d) => ({ system: d.system, code: d.code ?? null, display: d.display, rank: d.rank, certainty: d.certainty })),
    prescriptions: r.prescriptions.map((p) => ({
      medicine: p.medicine, strength: p.strength ?? '', dose: p.dose ?? '', route: p.route ?? '', frequency: p.frequency ?? '', duration: p.duration ?? '', instructions: p.instructions ?? '',
    })),
    vitals: { ...contentOf(r).vitals },
  };
  return (
    <div className="flex flex-col gap-4">
      {patient && <PatientIdentityBlock patient={patient} />}
      <div>
        <h1 className="text-2xl font-bold">Amend: {r.patientName}</h1>
        <p className="text-slate-700">Visit of {formatDate(r.createdAt)} {formatTime(r.createdAt)} · version {r.version}</p>
        {back}
      </div>
      <MedicineDatalist />
      <AmendRecordForm recordId={r.id} version={r.version} ageYears={ageAtVisit(r.patientDateOfBirth, r.createdAt)} defaults={defaults} action={amendRecordAction} />
    </div>
  );
}
