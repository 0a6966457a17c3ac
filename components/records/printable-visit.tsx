/**
 * A visit printed on paper (server component): the visit summary (A4) or the prescription (A4 or A5).
 * The clinic's name and address, the patient's identity and allergies, the doctor and the visit's date,
 * the diagnoses (ICD-10 code and title), the medicines with dose, route, frequency and duration, and a
 * signature line; the summary adds symptoms and vital signs. On screen a bar above it (hidden when
 * printing) offers Print, the other documents and the way back. The paper size goes to `@page`.
 */
import Link from 'next/link';
import { PatientIdentityBlock } from '@/components/patients/patient-identity';
import { VitalsList } from '@/components/records/visit-summary';
import { PrintButton } from '@/components/ui/print-button';
import type { PrintableVisit } from '@/lib/records/get-printable-visit';
import { PAPERS_OF, printQuery, type PaperSize, type PrintDoc } from '@/lib/records/print-options';
import { formatDate, formatTime } from '@/core/time';

const TITLES: Record<PrintDoc, string> = { summary: 'Visit summary', prescription: 'Prescription' };
/** The sheet's width on screen, as on paper less the margins. */
const SHEET_WIDTH: Record<PaperSize, string> = { A4: 'max-w-[186mm]', A5: 'max-w-[124mm]' };
/** Table cells: words break only when one cannot fit (the body's `anywhere` would squeeze the columns to a few letters). */
const cell = 'border border-slate-400 px-2 py-1 text-left align-top [overflow-wrap:break-word]';

/** The medicine lines' fields after the medicine itself: column heading and value. */
const RX_FIELDS = [
  { label: 'Dose', width: 'w-[15%]', value: (p: PrintableVisit['prescriptions'][number]) => p.dose },
  { label: 'Route', width: 'w-[13%]', value: (p: PrintableVisit['prescriptions'][number]) => p.route },
  { label: 'Frequency', width: 'w-[22%]', value: (p: PrintableVisit['prescriptions'][number]) => p.frequency },
  { label: 'Duration', width: 'w-[15%]', value: (p: PrintableVisit['prescriptions'][number]) => p.duration },
] as const;

/**
 * The medicines: a five-column table where its section is at least 34rem wide (A4, on paper and on a wide
 * screen), otherwise one framed block per medicine with each field labelled ("Dose: 1 tablet"), so that
 * an A5 sheet or a phone never cuts a column off. The same table element either way: the explicit roles
 * keep its table semantics when its parts are laid out as blocks, and the labels are hidden in table form.
 */
function MedicinesTable({ prescriptions }: { prescriptions: PrintableVisit['prescriptions'] }) {
  // Class names written out in full: Tailwind finds them in the source text.
  const td = 'block text-left align-top [overflow-wrap:break-word] @min-[34rem]:table-cell @min-[34rem]:border @min-[34rem]:border-slate-400 @min-[34rem]:px-2 @min-[34rem]:py-1';
  return (
    <table role="table" className="block w-full border-collapse @min-[34rem]:table @min-[34rem]:table-fixed" data-testid="print-medicines">
      <thead role="rowgroup" className="hidden @min-[34rem]:table-header-group">
        <tr role="row">
          <th role="columnheader" scope="col" className={`${cell} w-[35%]`}>Medicine</th>
          {RX_FIELDS.map((f) => <th key={f.label} role="columnheader" scope="col" className={`${cell} ${f.width}`}>{f.label}</th>)}
        </tr>
      </thead>
      <tbody role="rowgroup" className="block @min-[34rem]:table-row-group">
        {prescriptions.map((p, i) => (
          <tr key={i} role="row" className="mt-1 grid break-inside-avoid grid-cols-2 gap-x-4 gap-y-0.5 border border-slate-400 px-2 py-1 @min-[34rem]:mt-0 @min-[34rem]:table-row @min-[34rem]:border-0 @min-[34rem]:p-0">
            <td role="cell" className={`${td} col-span-2`}>
              <span className="font-semibold">{[p.medicine, p.strength].filter(Boolean).join(' ')}</span>
              {p.instructions && <span className="block">{p.instructions}</span>}
            </td>
            {RX_FIELDS.map((f) => (
              <td key={f.label} role="cell" className={td}>
                <span className="font-semibold @min-[34rem]:hidden">{f.label}: </span><span>{f.value(p) ?? '—'}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PrintableVisitSheet({ visit, doc, paper, basePath, backHref, backLabel }: {
  visit: PrintableVisit;
  doc: PrintDoc;
  paper: PaperSize;
  /** The print view's path without the query (`/doctor/records/12/print`). */
  basePath: string;
  backHref: string;
  backLabel: string;
}) {
  const { clinic, patient, doctor, record } = visit;
  const choices = (Object.keys(PAPERS_OF) as PrintDoc[]).flatMap((d) => PAPERS_OF[d].map((p) => ({ d, p })));
  const small = paper === 'A5';
  return (
    <div className="flex flex-col gap-4 print:gap-0">
      {/* The paper size, for the browser's print (and PDF) dialog. */}
      <style>{`@page { size: ${paper}; margin: ${small ? '10mm' : '14mm'}; }`}</style>
      <div className="flex flex-col gap-2 print:hidden" data-testid="print-toolbar">
        <Link href={backHref} className="inline-flex min-h-11 items-center self-start text-teal-800 underline">← {backLabel}</Link>
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton label={`Print the ${TITLES[doc].toLowerCase()} (${paper})`} />
          <nav aria-label="Other documents" className="flex flex-wrap gap-x-4">
            {choices.filter((c) => c.d !== doc || c.p !== paper).map((c) => (
              <Link key={`${c.d}-${c.p}`} href={`${basePath}${printQuery(c.d, c.p)}`} className="inline-flex min-h-11 items-center text-teal-800 underline">
                {TITLES[c.d]} ({c.p})
              </Link>
            ))}
          </nav>
        </div>
      </div>

      <article
        data-testid="printable" data-doc={doc} data-paper={paper}
        className={`mx-auto flex w-full ${SHEET_WIDTH[paper]} flex-col gap-3 border border-slate-300 bg-white p-4 text-slate-900 shadow-sm sm:p-6 print:max-w-none print:border-0 print:p-0 print:text-black print:shadow-none ${small ? 'text-sm' : ''}`}
      >
        <header className="flex flex-wrap items-start justify-between gap-2 border-b-2 border-slate-900 pb-2" data-testid="clinic">
          <div>
            <p className="text-xl font-bold">{clinic.name}</p>
            {clinic.address && <p className="whitespace-pre-line">{clinic.address}</p>}
          </div>
          <h1 className="text-xl font-bold uppercase tracking-wide">{TITLES[doc]}</h1>
        </header>

        <PatientIdentityBlock patient={patient} framed={false}>
          <p className={patient.allergies.length ? 'mt-1 font-semibold' : 'mt-1'} data-testid="print-allergies">
            Allergies: {patient.allergies.length
              ? patient.allergies.map((a) => `${a.substance}${a.reaction ? ` (${a.reaction}${a.severity ? `, ${a.severity}` : ''})` : a.severity ? ` (${a.severity})` : ''}`).join('; ')
              : 'none known'}
          </p>
        </PatientIdentityBlock>

        <p data-testid="print-visit">
          <span className="font-semibold">Visit:</span> {formatDate(record.visitAt)} {formatTime(record.visitAt)}
          {' · '}<span className="font-semibold">Doctor:</span> {doctor.name}{doctor.specialty ? ` (${doctor.specialty})` : ''}
          {record.version > 1 ? ` · amended, version ${record.version}` : ''}
        </p>

        {doc === 'summary' && visit.symptoms && <p><span className="font-semibold">Symptoms:</span> {visit.symptoms}</p>}

        <section aria-labelledby="print-dx">
          <h2 id="print-dx" className="font-semibold">Diagnoses</h2>
          {visit.diagnoses.length ? (
            <table className="w-full border-collapse" data-testid="print-diagnoses">
              <thead><tr><th className={cell}>Code</th><th className={cell}>Diagnosis</th></tr></thead>
              <tbody>
                {visit.diagnoses.map((d, i) => (
                  <tr key={i}>
                    <td className={`${cell} whitespace-nowrap`}>{d.code ? `${d.system === 'ICD-10' ? '' : `${d.system} `}${d.code}` : '—'}</td>
                    <td className={cell}>{d.display}{d.rank === 'primary' ? ' (primary)' : ''}{d.certainty === 'provisional' ? ' — provisional' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p>No diagnosis recorded.</p>}
        </section>

        <section aria-labelledby="print-rx" className="@container">
          <h2 id="print-rx" className="font-semibold">{doc === 'prescription' ? 'Rx — medicines' : 'Medicines prescribed'}</h2>
          {visit.prescriptions.length ? (
            <MedicinesTable prescriptions={visit.prescriptions} />
          ) : visit.freePrescription ? (
            <p className="whitespace-pre-line" data-testid="print-free-prescription">{visit.freePrescription}</p>
          ) : <p>No medicines prescribed.</p>}
        </section>

        {doc === 'summary' && (
          <section aria-labelledby="print-vitals">
            <h2 id="print-vitals" className="font-semibold">Vital signs</h2>
            <VitalsList vitals={visit.vitals} ageYears={patient.ageAtVisit} />
            {Object.values(visit.vitals).every((v) => v == null) && <p>None taken.</p>}
          </section>
        )}

        <footer className="mt-6 break-inside-avoid" data-testid="signature">
          <div className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-3 print:grid-cols-3">
            <div><p className="flex h-10 items-end font-semibold">{doctor.name}</p><p className="border-t border-slate-900 pt-1">Doctor</p></div>
            <div><p className="h-10" /><p className="border-t border-slate-900 pt-1">Signature</p></div>
            <div><p className="h-10" /><p className="border-t border-slate-900 pt-1">Date</p></div>
          </div>
          <p className="mt-3 text-xs text-slate-600 print:text-black">Record {record.id}, printed {formatDate(new Date())} {formatTime(new Date())}.</p>
        </footer>
      </article>
    </div>
  );
}
