/**
 * The dashboard statistics as the API answers them: the API's snake_case field names (architecture:
 * JSON follows the documented schema; TypeScript inside stays camelCase). Shares and rates are
 * fractions (0–1, 4 decimals) as computed; definitions in lib/dashboard/get-dashboard-stats.ts.
 */
import type { DashboardStats } from './get-dashboard-stats';

/** `DashboardStats` → the JSON body of `GET /api/dashboard/stats/`. */
export function serializeDashboardStats(s: DashboardStats) {
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
