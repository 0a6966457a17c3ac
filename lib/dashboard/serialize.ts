/**
 * The admin dashboard's API answers: the statistics and the activity log's items, with the API's
 * snake_case field names (architecture: JSON follows the documented schema; TypeScript inside stays
 * camelCase) — their schemas and serializers. Shares and rates are fractions (0–1, 4 decimals) as
 * computed; definitions in lib/dashboard/get-dashboard-stats.ts.
 */
import { z } from 'zod';
import { AGE_BANDS } from '@/core/age-bands';
import { ACTOR_KINDS, AUDIT_OUTCOMES, SEXES } from '@/core/vocabulary';
import { toClinicIso } from '@/core/time';
import { paginatedSchema } from '@/lib/api/pagination';
import { dateField, idField, instantField } from '@/lib/api/response-fields';
import type { DashboardStats } from './get-dashboard-stats';
import type { ActivityItem } from './list-recent-activity';

export const dashboardStatsResponseSchema = z.object({
  range: z.object({ from: dateField, to: dateField, granularity: z.enum(['day', 'week', 'month']), time_zone: z.string() }),
  patients: z.object({ total: z.number().int(), new: z.number().int() }),
  visits: z.object({
    total: z.number().int(),
    series: z.array(z.object({ period: z.string().meta({ description: 'The day, the week\'s Monday, or `YYYY-MM`.' }), visits: z.number().int() })),
  }),
  appointments: z.object({
    by_status: z.object({ pending: z.number().int(), confirmed: z.number().int(), completed: z.number().int(), cancelled: z.number().int(), no_show: z.number().int() }),
    no_show_rate: z.number().nullable().meta({ description: 'no_show / (completed + no_show), a fraction; null when none.' }),
    cancellation_rate: z.number().nullable().meta({ description: 'cancelled / all appointments starting in the range, a fraction; null when none.' }),
  }),
  top_diagnoses: z.object({
    coded: z.array(z.object({ system: z.string(), code: z.string(), display: z.string(), count: z.number().int(), share: z.number() })),
    free_text: z.object({ count: z.number().int(), share: z.number() }),
  }),
  visits_per_doctor: z.array(z.object({ doctor_id: idField, name: z.string(), visits: z.number().int() })),
  patients_seen: z.object({
    total: z.number().int(),
    by_sex: z.object(Object.fromEntries(SEXES.map((s) => [s, z.number().int()])) as Record<(typeof SEXES)[number], z.ZodNumber>),
    by_age_band: z.array(z.object({ band: z.enum(AGE_BANDS), count: z.number().int() })),
    age_unknown: z.number().int(),
  }),
}).meta({ id: 'DashboardStats', description: 'Definitions of every number: lib/dashboard/get-dashboard-stats.ts.' });

export const auditEventResponseSchema = z.object({
  id: idField,
  at: instantField,
  actor_id: idField.nullable(),
  actor_kind: z.enum(ACTOR_KINDS),
  actor_name: z.string().nullable(),
  actor_email: z.string().nullable(),
  action: z.string().meta({ example: 'record.read' }),
  entity: z.string().nullable(),
  entity_id: z.number().int().nullable(),
  patient_id: idField.nullable(),
  patient_name: z.string().nullable(),
  patient_number: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
}).meta({ id: 'AuditEvent', description: 'One entry of the audit log, with the names of its actor and patient when known.' });

export const auditEventListResponseSchema = paginatedSchema(auditEventResponseSchema, 'AuditEventList');

/** `DashboardStats` → the JSON body of `GET /api/dashboard/stats/`. */
export function serializeDashboardStats(s: DashboardStats): z.input<typeof dashboardStatsResponseSchema> {
  return {
    range: { from: s.range.from, to: s.range.to, granularity: s.range.granularity, time_zone: s.range.timeZone },
    patients: { total: s.patients.total, new: s.patients.new },
    visits: { total: s.visits.total, series: s.visits.series.map((b) => ({ period: b.period, visits: b.visits })) },
    appointments: {
      by_status: { ...s.appointments.byStatus },
      no_show_rate: s.appointments.noShowRate,
      cancellation_rate: s.appointments.cancellationRate,
    },
    top_diagnoses: {
      coded: s.topDiagnoses.coded.map((c) => ({ system: c.system, code: c.code, display: c.display, count: c.count, share: c.share })),
      free_text: { count: s.topDiagnoses.freeText.count, share: s.topDiagnoses.freeText.share },
    },
    visits_per_doctor: s.visitsPerDoctor.map((d) => ({ doctor_id: d.doctorId, name: d.name, visits: d.visits })),
    patients_seen: {
      total: s.patientsSeen.total,
      by_sex: { ...s.patientsSeen.bySex },
      by_age_band: s.patientsSeen.byAgeBand.map((b) => ({ band: b.band, count: b.count })),
      age_unknown: s.patientsSeen.ageUnknown,
    },
  };
}

/**
 * An activity item in the API shape: `{ id, at, actor_id, actor_kind, actor_name, actor_email, action,
 * entity, entity_id, patient_id, patient_name, patient_number, outcome }` (`at` with the clinic's offset).
 */
export function serializeActivityItem(e: ActivityItem): z.input<typeof auditEventResponseSchema> {
  return {
    id: e.id, at: toClinicIso(e.at), actor_id: e.actorUserId, actor_kind: e.actorKind, actor_name: e.actorName, actor_email: e.actorEmail,
    action: e.action, entity: e.entity, entity_id: e.entityId, patient_id: e.patientId, patient_name: e.patientName,
    patient_number: e.patientNumber, outcome: e.outcome,
  };
}
