import type { Metadata } from 'next';
import { PatientProfileForm } from '@/components/patients/profile-form';
import { Card } from '@/components/ui/card';
import { actorOf } from '@/lib/auth/current-user';
import { requirePageUser } from '@/lib/auth/page-guard';
import { getPatientProfile } from '@/lib/patients/get-patient-profile';
import { SEX_WORDS } from '@/lib/patients/patient-identity';
import type { PatientProfile } from '@/lib/patients/profile';
import { clinicInstant, formatDate } from '@/core/time';
import { updateMyProfileAction } from './actions';

export const metadata: Metadata = { title: 'My profile' };

/** The stored profile as the form's flat fields. */
function formDefaults(p: PatientProfile): Record<string, string> {
  const out: Record<string, string> = {
    'contact_info.phone': p.phone ?? '',
    'contact_info.address': p.address ?? '',
    'emergency_contact_info.name': p.emergencyContact.name ?? '',
    'emergency_contact_info.relationship': p.emergencyContact.relationship ?? '',
    'emergency_contact_info.phone': p.emergencyContact.phone ?? '',
    medical_history: p.medicalHistory ?? '',
  };
  (p.allergies ?? []).forEach((a, i) => {
    out[`allergies.${i}.substance`] = a.substance;
    out[`allergies.${i}.reaction`] = a.reaction ?? '';
    out[`allergies.${i}.severity`] = a.severity ?? '';
  });
  return out;
}

/** The patient's own profile: identity read-only (the clinic corrects it), the rest editable. */
export default async function MyProfilePage() {
  const user = await requirePageUser(['patient'], '/patient/profile');
  const p = await getPatientProfile({ user, actor: actorOf(user), userId: user.id });
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">My profile</h1>
      <Card title="Your details">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="profile-identity">
          <dt className="text-slate-600">Patient number</dt><dd className="font-semibold" data-testid="patient-number">{p.patientNumber}</dd>
          <dt className="text-slate-600">Name</dt><dd>{p.name}</dd>
          <dt className="text-slate-600">Date of birth</dt><dd>{p.dateOfBirth ? formatDate(clinicInstant(p.dateOfBirth, '12:00')) : 'Not recorded'}</dd>
          <dt className="text-slate-600">Sex</dt><dd>{SEX_WORDS[p.sex]}</dd>
          <dt className="text-slate-600">Blood type</dt><dd>{p.bloodType ?? 'Not recorded'}</dd>
        </dl>
        <p className="mt-2 text-sm text-slate-600">Something wrong here? Ask at the reception: the clinic corrects these.</p>
      </Card>
      <Card>
        <PatientProfileForm action={updateMyProfileAction} defaults={formDefaults(p)} />
      </Card>
    </div>
  );
}
