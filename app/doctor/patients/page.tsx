import type { Metadata } from 'next';
import Link from 'next/link';
import { WalkInButton } from '@/components/patients/walk-in-button';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { requirePageUser } from '@/lib/auth/page-guard';
import { searchPatientsForStaff } from '@/lib/patients/search-patients';
import { ageOn } from '@/core/time';
import { startWalkInAction } from './actions';

export const metadata: Metadata = { title: 'Patients' };

const SEX: Record<string, string> = { male: 'M', female: 'F', other: 'Other', unknown: '—' };

/** Find any patient of the clinic by name, phone or number; open the chart (linked) or start a walk-in visit. */
export default async function PatientsSearch({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser(['doctor'], '/doctor/patients');
  const qText = ((await searchParams).q ?? '').slice(0, 100);
  const results = await searchPatientsForStaff(user, qText);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Patients</h1>
        <ButtonLink href="/doctor/patients/new" variant="subtle" className="font-medium">Register a new patient</ButtonLink>
      </div>
      <form role="search" className="flex gap-2" action="/doctor/patients">
        <label htmlFor="q" className="sr-only">Name, phone or patient number</label>
        <input id="q" name="q" type="search" defaultValue={qText} placeholder="Name, phone or patient number" className="min-h-11 flex-1 rounded border border-slate-400 px-3" />
        <Button type="submit">Search</Button>
      </form>
      <Card>
        {qText.trim().length < 2 ? <Empty>Type at least two letters of a name, a phone number or a patient number (EH-…).</Empty>
          : results.length ? (
            <ul className="divide-y divide-slate-100" data-testid="patient-results">
              {results.map((p) => (
                <li key={p.userId} className="flex flex-wrap items-center gap-3 py-3">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">{p.linked ? <Link className="text-teal-900 underline" href={`/doctor/patients/${p.userId}`}>{p.name}</Link> : p.name}{!p.isActive && <span className="ml-2 text-sm text-slate-500">(inactive)</span>}</p>
                    <p className="text-sm text-slate-600">{p.patientNumber} · {p.dateOfBirth ? `${ageOn(p.dateOfBirth)} y` : 'age unknown'} · {SEX[p.sex]}{p.phone ? ` · ${p.phone}` : ''}</p>
                  </div>
                  {p.linked ? <Link href={`/doctor/patients/${p.userId}`} className="inline-flex min-h-11 items-center rounded border border-slate-300 px-3 text-sm">Open chart</Link> : null}
                  <Link href={`/doctor/patients/${p.userId}/book`} className="inline-flex min-h-11 items-center rounded border border-slate-300 px-3 text-sm">Book</Link>
                  <WalkInButton patientId={p.userId} action={startWalkInAction} />
                </li>
              ))}
            </ul>
          ) : <Empty>No patient matches “{qText}”. Check the spelling, or register a new patient.</Empty>}
      </Card>
    </div>
  );
}
