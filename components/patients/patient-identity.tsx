/**
 * Who the page is about, at its top and on paper: the patient's name, patient number, date of birth
 * (with the age) and sex (server component). Never hidden when printing, and not sticky on paper, so
 * any page about one patient printed from the browser starts with who it is about. `heading` makes the
 * name the page's `<h1>`; `framed={false}` drops the panel (inside a printed sheet); `children` adds
 * lines below (allergies, blood type).
 */
import type { PatientIdentity } from '@/lib/patients/patient-identity';
import { SEX_WORDS } from '@/lib/patients/patient-identity';
import { ageOn, formatCalendarDate } from '@/core/time';

export function PatientIdentityBlock({ patient, heading = false, framed = true, children }: {
  patient: PatientIdentity;
  heading?: boolean;
  framed?: boolean;
  children?: React.ReactNode;
}) {
  const born = patient.dateOfBirth ? `${formatCalendarDate(patient.dateOfBirth)} (${ageOn(patient.dateOfBirth)} years)` : 'not recorded';
  const Name = heading ? 'h1' : 'p';
  return (
    <section aria-label="Patient" data-testid="patient-identity" className={framed
        ? 'rounded-lg border border-slate-300 bg-white p-4 shadow-sm print:static print:rounded-none print:border-x-0 print:border-t-0 print:border-b-2 print:border-black print:px-0 print:pt-0 print:pb-2 print:shadow-none'
        : ''}>
      <Name className={heading ? 'text-2xl font-bold' : 'text-lg font-semibold'}>{patient.name}</Name>
      <p className="flex flex-wrap gap-x-4 text-slate-700 print:text-black">
        <span>Patient number <span className="font-semibold">{patient.patientNumber}</span></span>
        <span>Born <span className="font-semibold">{born}</span></span>
        <span>Sex <span className="font-semibold">{SEX_WORDS[patient.sex]}</span></span>
      </p>
      {children}
    </section>
  );
}
