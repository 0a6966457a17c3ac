/**
 * The admin dashboard's numbers as named tables — the one source of the tables shown under each chart
 * (`/admin`) and of the CSV downloads (`GET /api/dashboard/export/{table}/`), so both always carry the
 * same numbers. Each table: `{ id, title, header, rows, note? }`; cells are text, numbers or null
 * (no value, e.g. a rate with nothing to divide by). Counts are whole numbers; percentages are numbers
 * from 0 to 100 with at most 2 decimals, and their column header says "(%)".
 */
import type { Sex } from '@/core/vocabulary';
import type { DashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import type { Granularity } from '@/lib/dashboard/schemas';
import type { CsvCell } from './csv';

/** A table of numbers with one header row (rendered as an HTML table and as CSV). */
export interface ReportTable {
  /** Stable id (CSV route segment, test ids). */
  id: string;
  /** Caption, e.g. `Visits per day, 2025-12-01 to 2025-12-14`. */
  title: string;
  header: string[];
  rows: CsvCell[][];
  /** One sentence explaining how a number is counted, shown under the table. */
  note?: string;
}

/** The dashboard's table ids, in page order. */
export const DASHBOARD_TABLE_IDS = ['patients', 'visits', 'appointments', 'rates', 'diagnoses', 'doctors', 'sex', 'age'] as const;
export type DashboardTableId = (typeof DASHBOARD_TABLE_IDS)[number];

/** True when `id` names a dashboard table. */
export function isDashboardTableId(id: string): id is DashboardTableId {
  return (DASHBOARD_TABLE_IDS as readonly string[]).includes(id);
}

/** A fraction (0–1, or null) as a percentage with at most 2 decimals (null stays null). */
export function percent(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 10_000) / 100;
}

/** `part / whole` as a percentage with at most 2 decimals; null when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null;
}

export const STATUS_LABELS = { pending: 'Pending', confirmed: 'Confirmed', completed: 'Completed', cancelled: 'Cancelled', no_show: 'No-show' } as const;
export const SEX_LABELS: Record<Sex, string> = { male: 'Male', female: 'Female', other: 'Other', unknown: 'Unknown' };
const PERIOD_HEADER: Record<Granularity, string> = { day: 'Day', week: 'Week starting (Monday)', month: 'Month' };
const PER: Record<Granularity, string> = { day: 'per day', week: 'per week', month: 'per month' };

type Stats = DashboardStats;
const span = (s: Pick<Stats, 'range'>) => `${s.range.from} to ${s.range.to}`;

/** Patients registered (total by the end of the range, new within it), visits and patients seen. */
export function patientsTable(s: Pick<Stats, 'range' | 'patients' | 'visits' | 'patientsSeen'>): ReportTable {
  return {
    id: 'patients', title: `Patients and visits, ${span(s)}`, header: ['Measure', 'Count'],
    rows: [
      ['Total patients (registered by the end of the range)', s.patients.total],
      ['New patients (registered in the range)', s.patients.new],
      ['Visits', s.visits.total],
      ['Patients seen (with a visit in the range)', s.patientsSeen.total],
    ],
  };
}

/** Visits per day, week or month (the range's granularity). */
export function visitsTable(s: Pick<Stats, 'range' | 'visits'>): ReportTable {
  const g = s.range.granularity;
  return {
    id: 'visits', title: `Visits ${PER[g]}, ${span(s)}`, header: [PERIOD_HEADER[g], 'Visits'],
    rows: s.visits.series.map((b) => [b.period, b.visits]),
    note: g === 'day' ? undefined : `The first and last ${g}s count only the days inside the range.`,
  };
}

/** Appointments starting in the range, per status, with each status's share of all of them. */
export function appointmentsTable(s: Pick<Stats, 'range' | 'appointments'>): ReportTable {
  const by = s.appointments.byStatus;
  const all = Object.values(by).reduce((a, b) => a + b, 0);
  return {
    id: 'appointments', title: `Appointments by status, ${span(s)}`, header: ['Status', 'Appointments', 'Share of all appointments (%)'],
    rows: [
      ...(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((k) => [STATUS_LABELS[k], by[k], percentOf(by[k], all)]),
      ['Total', all, all > 0 ? 100 : null],
    ],
    note: 'Appointments whose start falls in the range, whatever their status.',
  };
}

/** The no-show and cancellation rates with their numerators and denominators. */
export function ratesTable(s: Pick<Stats, 'range' | 'appointments'>): ReportTable {
  const by = s.appointments.byStatus;
  const all = Object.values(by).reduce((a, b) => a + b, 0);
  return {
    id: 'rates', title: `Appointment outcome rates, ${span(s)}`, header: ['Rate', 'Rate (%)', 'Appointments counted', 'Out of'],
    rows: [
      ['No-show rate (no-show / (completed + no-show))', percent(s.appointments.noShowRate), by.no_show, by.completed + by.no_show],
      ['Cancellation rate (cancelled / all appointments)', percent(s.appointments.cancellationRate), by.cancelled, all],
    ],
    note: 'A rate is empty when there is nothing to divide by.',
  };
}

/** The most common coded diagnoses (by code system and code), then free-text diagnoses as one row. */
export function diagnosesTable(s: Pick<Stats, 'range' | 'topDiagnoses'>): ReportTable {
  const { coded, freeText } = s.topDiagnoses;
  return {
    id: 'diagnoses', title: `Most common diagnoses, ${span(s)}`,
    header: ['Rank', 'Code system', 'Code', 'Diagnosis', 'Diagnoses', 'Share of all diagnoses (%)'],
    rows: [
      ...coded.map((d, i): CsvCell[] => [i + 1, d.system, d.code, d.display, d.count, percent(d.share)]),
      [null, 'Free text', null, 'Free-text diagnoses (not coded), all together', freeText.count, percent(freeText.share)],
    ],
    note: 'Diagnoses on the visits in the range; the share is of every diagnosis on those visits, coded and free text.',
  };
}

/** Visits per doctor, most first. */
export function doctorsTable(s: Pick<Stats, 'range' | 'visits' | 'visitsPerDoctor'>): ReportTable {
  return {
    id: 'doctors', title: `Visits per doctor, ${span(s)}`, header: ['Doctor', 'Visits', 'Share of visits (%)'],
    rows: s.visitsPerDoctor.map((d) => [d.name, d.visits, percentOf(d.visits, s.visits.total)]),
  };
}

/** Patients seen in the range by sex. */
export function sexTable(s: Pick<Stats, 'range' | 'patientsSeen'>): ReportTable {
  const p = s.patientsSeen;
  return {
    id: 'sex', title: `Patients seen by sex, ${span(s)}`, header: ['Sex', 'Patients seen', 'Share (%)'],
    rows: (Object.keys(SEX_LABELS) as Sex[]).map((k) => [SEX_LABELS[k], p.bySex[k] ?? 0, percentOf(p.bySex[k] ?? 0, p.total)]),
  };
}

/** Patients seen in the range by age band (age at their first visit in the range). */
export function ageTable(s: Pick<Stats, 'range' | 'patientsSeen'>): ReportTable {
  const p = s.patientsSeen;
  return {
    id: 'age', title: `Patients seen by age, ${span(s)}`, header: ['Age band (years)', 'Patients seen', 'Share (%)'],
    rows: [
      ...p.byAgeBand.map((b): CsvCell[] => [b.band, b.count, percentOf(b.count, p.total)]),
      ['Unknown (no date of birth)', p.ageUnknown, percentOf(p.ageUnknown, p.total)],
    ],
    note: 'Age at the patient’s first visit in the range.',
  };
}

const BUILDERS: Record<DashboardTableId, (s: Stats) => ReportTable> = {
  patients: patientsTable, visits: visitsTable, appointments: appointmentsTable, rates: ratesTable,
  diagnoses: diagnosesTable, doctors: doctorsTable, sex: sexTable, age: ageTable,
};

/** One dashboard table by id. */
export function dashboardTable(stats: DashboardStats, id: DashboardTableId): ReportTable {
  return BUILDERS[id](stats);
}

/** Every dashboard table, keyed by id. */
export function dashboardTables(stats: DashboardStats): Record<DashboardTableId, ReportTable> {
  return Object.fromEntries(DASHBOARD_TABLE_IDS.map((id) => [id, BUILDERS[id](stats)])) as Record<DashboardTableId, ReportTable>;
}
