/** The monthly report as the API answers it (snake_case field names, like the rest of the API): its schema and serializer. */
import { z } from 'zod';
import { dateField, idField } from '@/lib/api/response-fields';
import type { MonthlyReport } from './monthly-report';

const count = z.number().int().nonnegative();
const share = z.number().nullable().meta({ description: 'A fraction 0–1 (4 decimals); null when there is nothing to divide by.' });

export const monthlyReportResponseSchema = z.object({
  clinic_name: z.string(),
  month: z.string().meta({ example: '2025-12' }),
  from: dateField,
  to: dateField,
  time_zone: z.string().meta({ example: 'Africa/Nairobi' }),
  patients: z.object({ total: count, new: count, seen: count }),
  visits: z.object({ total: count, weeks: z.array(z.object({ from: dateField, to: dateField, visits: count })) }),
  top_diagnoses: z.object({
    coded: z.array(z.object({ system: z.string(), code: z.string(), display: z.string(), count, share: z.number() })),
    free_text: z.object({ count, share: z.number() }),
  }),
  appointments: z.object({
    by_status: z.object({ pending: count, confirmed: count, completed: count, cancelled: count, no_show: count }),
    total: count,
    no_show_rate: share,
    cancellation_rate: share,
  }),
  visits_per_doctor: z.array(z.object({ doctor_id: idField, name: z.string(), visits: count })),
}).meta({ id: 'MonthlyReport', description: 'One clinic month: the dashboard\'s numbers (same definitions) from its first to its last day.' });

/** The report's API JSON. */
export function serializeMonthlyReport(r: MonthlyReport): z.input<typeof monthlyReportResponseSchema> {
  return {
    clinic_name: r.clinicName,
    month: r.month,
    from: r.from,
    to: r.to,
    time_zone: r.timeZone,
    patients: r.patients,
    visits: r.visits,
    top_diagnoses: { coded: r.topDiagnoses.coded, free_text: r.topDiagnoses.freeText },
    appointments: {
      by_status: r.appointments.byStatus,
      total: r.appointments.total,
      no_show_rate: r.appointments.noShowRate,
      cancellation_rate: r.appointments.cancellationRate,
    },
    visits_per_doctor: r.visitsPerDoctor.map((d) => ({ doctor_id: d.doctorId, name: d.name, visits: d.visits })),
  };
}
