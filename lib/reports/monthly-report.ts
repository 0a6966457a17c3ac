/**
 * The monthly summary report of the clinic (admin only): one clinic month's visits (total and per
 * week), registered and new patients, top diagnoses, appointment outcomes and visits per doctor —
 * the dashboard's numbers (`getDashboardStats`, same definitions) for the month's first to last
 * clinic day. Served as JSON (./serialize.ts) and CSV by `GET /api/reports/monthly/` and printable at `/admin/reports`.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getDashboardStats, type DashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import { YEAR_MESSAGE, yearInRange } from '@/lib/dashboard/schemas';
import { env } from '@/core/env';
import { validationError, zodFieldErrors } from '@/lib/errors';
import { clinicZone } from '@/core/time';
import { toCsv, type CsvCell } from './csv';
import { STATUS_LABELS, appointmentsTable, diagnosesTable, doctorsTable, percent, percentOf, ratesTable, type ReportTable } from './dashboard-tables';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `?month=YYYY-MM&format=json|csv` (month: default the previous clinic month). A well-formed month
 * outside the years the reports answer (1900–2099) says so rather than asking for the format again.
 */
export const monthlyReportQuerySchema = z.object({
  month: z.string().regex(MONTH, 'Use a month as YYYY-MM, e.g. 2025-12.')
    .refine((m) => !MONTH.test(m) || yearInRange(m), YEAR_MESSAGE).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The clinic month before the current one, `YYYY-MM`. */
export function previousClinicMonth(now: Date = new Date(), zone = clinicZone()): string {
  return DateTime.fromJSDate(now, { zone }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

/** The monthly report (see the module comment). Counts are whole numbers, shares and rates fractions (0–1, 4 decimals). */
export interface MonthlyReport {
  clinicName: string;
  /** `YYYY-MM`. */
  month: string;
  /** The month's first and last clinic days, `YYYY-MM-DD`, and the clinic's IANA zone. */
  from: string;
  to: string;
  timeZone: string;
  /** Registered by the end of the month / during it; `seen`: distinct patients with a visit in it. */
  patients: { total: number; new: number; seen: number };
  /** Visits in the month, and per Monday-start week clipped to the month (`from`–`to` clinic dates). */
  visits: { total: number; weeks: Array<{ from: string; to: string; visits: number }> };
  topDiagnoses: DashboardStats['topDiagnoses'];
  /** Appointments starting in the month, by status, with their total and the two rates (null: nothing to divide by). */
  appointments: DashboardStats['appointments'] & { total: number };
  visitsPerDoctor: DashboardStats['visitsPerDoctor'];
}

/**
 * The report for clinic month `month` (`YYYY-MM`; default the previous clinic month). Throws
 * `validation_error` (field `month`) for a malformed month or one that has not started yet, and
 * `unauthenticated`/`forbidden` unless the user is an admin.
 */
export async function getMonthlyReport(opts: { user: CurrentUser | null; month?: string; now?: Date }): Promise<MonthlyReport> {
  const now = opts.now ?? new Date();
  const zone = clinicZone();
  const parsed = monthlyReportQuerySchema.shape.month.safeParse(opts.month);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error.issues.map((i) => ({ ...i, path: ['month'] }))), 'The month is not valid.');
  const month = parsed.data ?? previousClinicMonth(now, zone);
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone }).startOf('month');
  if (first > DateTime.fromJSDate(now, { zone })) throw validationError({ month: ['This month has not started yet.'] }, 'The month has not started yet.');
  const from = first.toISODate() as string;
  const to = first.endOf('month').toISODate() as string;
  const s = await getDashboardStats({ user: opts.user, from, to, granularity: 'week', now });
  const by = s.appointments.byStatus;
  return {
    clinicName: env().CLINIC_NAME,
    month, from, to, timeZone: s.range.timeZone,
    patients: { total: s.patients.total, new: s.patients.new, seen: s.patientsSeen.total },
    visits: {
      total: s.visits.total,
      weeks: s.visits.series.map((w) => {
        const monday = DateTime.fromISO(w.period, { zone: 'UTC' });
        const end = monday.plus({ days: 6 }).toISODate() as string;
        return { from: w.period < from ? from : w.period, to: end > to ? to : end, visits: w.visits };
      }),
    },
    topDiagnoses: s.topDiagnoses,
    appointments: { ...s.appointments, total: Object.values(by).reduce((a, b) => a + b, 0) },
    visitsPerDoctor: s.visitsPerDoctor,
  };
}

/** A dashboard-shaped view of the report for the shared table builders. */
function asStats(r: MonthlyReport) {
  return { range: { from: r.from, to: r.to, granularity: 'week' as const, timeZone: r.timeZone }, visits: { total: r.visits.total, series: [] }, appointments: r.appointments, topDiagnoses: r.topDiagnoses, visitsPerDoctor: r.visitsPerDoctor };
}

/** The report as tables for the printable page: summary, visits per week, diagnoses, appointments, rates, doctors. */
export function monthlyReportTables(r: MonthlyReport): ReportTable[] {
  const s = asStats(r);
  const span = `${r.from} to ${r.to}`;
  return [
    {
      id: 'summary', title: `Summary, ${span}`, header: ['Measure', 'Count'],
      rows: [
        ['Visits', r.visits.total],
        ['New patients (registered in the month)', r.patients.new],
        ['Total patients (registered by the end of the month)', r.patients.total],
        ['Patients seen (with a visit in the month)', r.patients.seen],
        ['Appointments', r.appointments.total],
      ],
    },
    {
      id: 'weeks', title: `Visits per week, ${span}`, header: ['Week (Monday to Sunday, within the month)', 'Visits', 'Share of visits (%)'],
      rows: r.visits.weeks.map((w) => [`${w.from} to ${w.to}`, w.visits, percentOf(w.visits, r.visits.total)]),
    },
    diagnosesTable(s),
    appointmentsTable(s),
    ratesTable(s),
    doctorsTable(s),
  ];
}

/** The CSV's one header row. */
export const MONTHLY_REPORT_CSV_HEADER = ['Section', 'Item', 'Detail', 'Count', 'Percent (%)'];

/**
 * The report as one CSV (see `toCsv`: BOM, CRLF, neutralised text) with a `Section` column:
 * Report (clinic, month, dates), Patients, Visits (total, then per week), Top diagnoses (coded, then
 * free text), Appointment outcomes (per status with its share of all, total, no-show and cancellation
 * rates), Visits per doctor. Counts in `Count`, percentages (0–100) in `Percent (%)`.
 */
export function toMonthlyReportCsv(r: MonthlyReport): string {
  const rows: CsvCell[][] = [
    ['Report', 'Clinic', r.clinicName, null, null],
    ['Report', 'Month', r.month, null, null],
    ['Report', 'Dates (clinic time)', `${r.from} to ${r.to} (${r.timeZone})`, null, null],
    ['Patients', 'Total patients (registered by the end of the month)', null, r.patients.total, null],
    ['Patients', 'New patients (registered in the month)', null, r.patients.new, null],
    ['Patients', 'Patients seen (with a visit in the month)', null, r.patients.seen, null],
    ['Visits', 'Total', null, r.visits.total, null],
    ...r.visits.weeks.map((w): CsvCell[] => ['Visits', 'Week', `${w.from} to ${w.to}`, w.visits, percentOf(w.visits, r.visits.total)]),
    ...r.topDiagnoses.coded.map((d): CsvCell[] => ['Top diagnoses', d.display, `${d.system} ${d.code}`, d.count, percent(d.share)]),
    ['Top diagnoses', 'Free-text diagnoses (not coded), all together', 'Free text', r.topDiagnoses.freeText.count, percent(r.topDiagnoses.freeText.share)],
    ...(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((k): CsvCell[] =>
      ['Appointment outcomes', STATUS_LABELS[k], 'share of all appointments', r.appointments.byStatus[k], percentOf(r.appointments.byStatus[k], r.appointments.total)]),
    ['Appointment outcomes', 'Total appointments', null, r.appointments.total, null],
    ['Appointment outcomes', 'No-show rate', 'no-show / (completed + no-show)', null, percent(r.appointments.noShowRate)],
    ['Appointment outcomes', 'Cancellation rate', 'cancelled / all appointments', null, percent(r.appointments.cancellationRate)],
    ...r.visitsPerDoctor.map((d): CsvCell[] => ['Visits per doctor', d.name, null, d.visits, percentOf(d.visits, r.visits.total)]),
  ];
  return toCsv(MONTHLY_REPORT_CSV_HEADER, rows);
}
