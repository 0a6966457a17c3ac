/**
 * One visit's clinical content, read-only (server component): symptoms, diagnoses, prescriptions and
 * vital signs with units and "High"/"Low" in words (never colour alone). Used by the patient's
 * history and by a record's page with its earlier versions.
 */
import type { RecordContent } from '@/lib/records/record-content';
import { formatDate, formatTime } from '@/core/time';
import { prescriptionLineText, prescriptionText, splitNotes } from '@/lib/records/record-content';
import { FLAG_WORDS, VITAL_SIGN_DEFS, bmiOf, vitalFlags, type VitalFlag, type VitalFlagKey } from '@/lib/records/vital-signs';

function Flag({ flag }: { flag?: VitalFlag }) {
  if (!flag) return null;
  return flag === 'high'
    ? <span className="ml-1 font-semibold text-rose-700"><span aria-hidden="true">↑ </span>{FLAG_WORDS.high}</span>
    : <span className="ml-1 font-semibold text-sky-800"><span aria-hidden="true">↓ </span>{FLAG_WORDS.low}</span>;
}

/** The vital signs as a small definition list; nothing when none was taken. */
export function VitalsList({ vitals, ageYears }: { vitals: RecordContent['vitals']; ageYears: number | null }) {
  const flags = vitalFlags(vitals, { ageYears });
  const items: Array<{ key: string; label: string; value: string; flag?: VitalFlag }> = [];
  if (vitals.systolicMmHg != null && vitals.diastolicMmHg != null) {
    const worst = (['systolicMmHg', 'diastolicMmHg'] as const).map((k) => flags[k]).find(Boolean);
    items.push({ key: 'bp', label: 'Blood pressure', value: `${vitals.systolicMmHg}/${vitals.diastolicMmHg} mmHg`, flag: worst });
  }
  for (const f of ['temperatureC', 'heartRatePerMin', 'respiratoryRatePerMin', 'spo2Pct', 'weightKg', 'heightCm'] as const) {
    const v = vitals[f];
    if (v == null) continue;
    const def = VITAL_SIGN_DEFS[f];
    items.push({ key: f, label: def.label, value: `${v}${def.unit.startsWith('/') || def.unit === '%' ? '' : ' '}${def.unit}`, flag: flags[f as VitalFlagKey] });
  }
  const bmi = bmiOf(vitals.weightKg, vitals.heightCm);
  if (bmi !== null) items.push({ key: 'bmi', label: 'BMI', value: `${bmi} kg/m²`, flag: flags.bmi });
  if (!items.length) return null;
  return (
    <dl className="mt-1 grid grid-cols-1 gap-x-4 text-sm min-[400px]:grid-cols-2">
      {items.map((x) => (
        <div key={x.key} className="flex gap-1">
          <dt className="font-medium">{x.label}:</dt>
          <dd className="tabular-nums">{x.value}<Flag flag={x.flag} /></dd>
        </div>
      ))}
    </dl>
  );
}

/** A visit's content (see the module comment). `showNotes` adds the doctor's notes (staff views). */
export function VisitSummary({ content, ageYears, showNotes = false }: { content: RecordContent; ageYears: number | null; showNotes?: boolean }) {
  const freeRx = content.prescriptions.length ? '' : prescriptionText(content);
  const notes = showNotes ? splitNotes(content.notes, content.prescriptions.length > 0).notes : '';
  return (
    <div className="flex flex-col gap-1">
      {content.symptoms && <p className="text-sm"><span className="font-medium">Symptoms:</span> {content.symptoms}</p>}
      {content.diagnoses.length > 0 ? (
        <ul className="text-sm">
          {content.diagnoses.map((d, i) => (
            <li key={i}>
              <span className="font-medium">{d.rank === 'primary' ? 'Diagnosis' : 'Also'}:</span> {d.display}
              {d.code ? ` (${d.system} ${d.code})` : ''}{d.certainty === 'provisional' ? ' — provisional' : ''}
            </li>
          ))}
        </ul>
      ) : <p className="text-sm text-slate-600">No diagnosis recorded.</p>}
      {content.prescriptions.length > 0 && (
        <ul className="text-sm">
          {content.prescriptions.map((p, i) => <li key={i}><span className="font-medium">Medicine:</span> {prescriptionLineText(p)}</li>)}
        </ul>
      )}
      {freeRx && <p className="text-sm"><span className="font-medium">Prescription:</span> {freeRx}</p>}
      {content.allergyOverride && <AllergyOverrideNote override={content.allergyOverride} />}
      <VitalsList vitals={content.vitals} ageYears={ageYears} />
      {notes && <p className="whitespace-pre-line text-sm"><span className="font-medium">Notes:</span> {notes}</p>}
    </div>
  );
}

const MATCH_WORDS = { substance: 'same substance', class: 'same class', cross_reactivity: 'possible cross-reactivity' } as const;

/** The allergy warnings the prescriber confirmed for this version's prescriptions (words, not colour alone). */
export function AllergyOverrideNote({ override }: { override: NonNullable<RecordContent['allergyOverride']> }) {
  const at = new Date(override.confirmedAt);
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="allergy-override">
      <p className="font-medium">Prescribed despite a recorded allergy — warning confirmed by the prescriber on {formatDate(at)} {formatTime(at)}:</p>
      <ul className="list-disc pl-5">
        {override.matches.map((m, i) => (
          <li key={i}>
            {m.medicine}{m.source === 'prescription' ? ' (free-text prescription)' : ''}: allergy to {m.allergySubstance} ({MATCH_WORDS[m.kind]}{m.className ? `, ${m.className}` : ''}){m.severity ? `, ${m.severity}` : ''}{m.reaction ? ` — ${m.reaction}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
