/**
 * The registry of the REST API's operations for the OpenAPI document: one entry per route handler
 * method (path template as `listApiRoutes()` spells it, trailing slash), with the zod schemas that
 * really validate its query and body — imported from `lib/<domain>/schemas.ts`, never copied — and
 * its response shapes (next to their serializers in `lib/<domain>/serialize.ts`). `document.ts` turns it into OpenAPI 3.1 with zod-openapi.
 *
 * A new route handler fails `openapi.int.test.ts` until it has an entry here (and an entry whose
 * route is gone fails it too).
 */
import 'zod-openapi';
import { z } from 'zod';
import type { Role } from '@/core/vocabulary';
import { paginationSchema } from '@/lib/api/pagination';
import {
  bookAppointmentSchema, cancelAppointmentSchema, listAppointmentsSchema, slotsQuerySchema, updateAppointmentSchema,
} from '@/lib/appointments/schemas';
import { activityFiltersSchema } from '@/lib/audit/schemas';
import { loginSchema } from '@/lib/auth/schemas';
import { dashboardStatsSchema } from '@/lib/dashboard/schemas';
import type { ErrorCode } from '@/lib/errors';
import {
  createPatientByStaffSchema, listPatientProfilesSchema, registerPatientSchema, updatePatientProfileSchema,
} from '@/lib/patients/schemas';
import { icd10SearchQuerySchema } from '@/lib/records/icd10/schemas';
import {
  amendRecordSchema, chartVisitSchema, listMedicalRecordsSchema, markEnteredInErrorSchema, patientHistoryQuerySchema,
} from '@/lib/records/schemas';
import { createStaffUserSchema } from '@/lib/users/create-staff-user';
import { DASHBOARD_TABLE_IDS } from '@/lib/reports/dashboard-tables';
import { monthlyReportQuerySchema } from '@/lib/reports/monthly-report';
import { listUsersSchema, updateUserSchema } from '@/lib/users/schemas';
import { DOCS_ASSET_NAMES } from './docs-page';
import { bookableDoctorListResponseSchema as doctorList, slotListResponseSchema as slotListSchema } from '@/lib/appointments/availability-serialize';
import { appointmentListResponseSchema as appointmentList, appointmentResponseSchema as appointmentSchema } from '@/lib/appointments/serialize';
import { loginResponseSchema, logoutResponseSchema } from '@/lib/auth/serialize';
import { auditEventListResponseSchema as activityList, dashboardStatsResponseSchema } from '@/lib/dashboard/serialize';
import { healthCheckResponseSchema as healthCheckSchema } from '@/lib/health/serialize';
import { patientProfileListResponseSchema as profileList, patientProfileResponseSchema as patientProfileSchema } from '@/lib/patients/serialize';
import { icd10ResultsResponseSchema as icd10ResultsSchema } from '@/lib/records/icd10/serialize';
import {
  medicalRecordListResponseSchema as recordList, medicalRecordResponseSchema as medicalRecordSchema,
  medicalRecordWithHistoryResponseSchema as medicalRecordWithHistorySchema,
} from '@/lib/records/serialize';
import { monthlyReportResponseSchema } from '@/lib/reports/serialize';
import { userListResponseSchema as userList, userResponseSchema as userSchema } from '@/lib/users/serialize';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An object schema of query parameters (zod-openapi renders each member as one parameter). */
type QuerySchema = z.ZodType<Record<string, unknown>>;

export interface ApiOperation {
  method: ApiMethod;
  /** The route's template with its trailing slash, e.g. `/api/users/{id}/`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** As the route's `withApi` options: 'required' (default), 'public' (a caller is optional), 'none' (not looked up). */
  auth?: 'required' | 'public' | 'none';
  /** Roles `withApi` lets in (any signed-in role when omitted). */
  roles?: readonly Role[];
  /** Path parameters; `{id}` segments get the id parameter when omitted. */
  params?: z.ZodObject;
  query?: QuerySchema;
  body?: z.ZodType;
  /** False when the body may be left out (default: required when there is one). */
  bodyRequired?: boolean;
  success: {
    status: 200 | 201;
    description: string;
    /** JSON body schema; `contentType` other than JSON takes a string body. */
    schema?: z.ZodType;
    contentType?: string;
    /** Other media types the same answer may take (e.g. `text/csv` with `?format=csv`), as text. */
    alsoAs?: string[];
    headers?: z.ZodObject;
  };
  /** Other non-error answers, e.g. the health check's 503. */
  otherResponses?: Record<number, { description: string; schema: z.ZodType }>;
  /**
   * Error answers besides those implied: 400 with a query or body, 401 when a caller is required,
   * 403 with roles, on data-changing methods (a cookie-only request from another origin) and on one
   * resource (`{id}`: not the caller's), 404 with an `{id}`.
   */
  errors?: ErrorCode[];
  /** Implied errors this operation never gives. */
  noErrors?: ErrorCode[];
}

// ---- Shared pieces

/**
 * A resource id in the path. Checked by `idParam` (lib/api/params.ts): anything but a positive
 * integer is a 404, as for an id that does not exist.
 */
const idPath = z.object({
  id: z.coerce.number().int().positive().meta({ description: 'The resource id (a positive integer; anything else is a 404).', example: 1 }),
});

/** Named input schemas, so the document lists each once under `components.schemas`. */
const named = <S extends z.ZodType>(schema: S, id: string, description?: string) => schema.meta({ id, ...(description ? { description } : {}) });

/** Query parameters of several schemas the handler parses one after the other (pagination + filters). */
function queryOf(...schemas: z.ZodObject[]): z.ZodObject {
  return z.object(Object.assign({}, ...schemas.map((s) => s.shape)));
}

const ADMIN: readonly Role[] = ['admin'];
const STAFF: readonly Role[] = ['doctor', 'admin'];


/** `POST /api/users/`: validated by `registerUser` (lib/users/register-user.ts) — a patient by `registerPatientSchema`, staff by `createStaffUserSchema`. */
const createUserBody = z.union([
  named(registerPatientSchema.extend({ role: z.literal('patient').optional() }), 'RegisterPatient',
    'A patient registers themselves (anyone may): role absent or `patient`.'),
  named(createStaffUserSchema, 'CreateStaffUser',
    'An admin creates a doctor or an admin; the password given is temporary (changed at first sign-in).'),
]);

const cancelBody = named(cancelAppointmentSchema, 'CancelAppointment');
const markEnteredInErrorBody = named(markEnteredInErrorSchema, 'MarkEnteredInError');

const appointmentActions = (['confirm', 'complete', 'cancel', 'no-show'] as const).map((action): ApiOperation => ({
  method: 'POST',
  path: `/api/appointments/{id}/${action}/`,
  operationId: { confirm: 'confirmAppointment', complete: 'completeAppointment', cancel: 'cancelAppointment', 'no-show': 'markAppointmentNoShow' }[action],
  summary: {
    confirm: 'Confirm an appointment (its doctor or an admin)',
    complete: 'Mark an appointment completed (from its day on; charting a visit does it too)',
    cancel: 'Cancel an appointment, with a reason',
    'no-show': 'Mark a no-show (after the start time)',
  }[action],
  tag: 'Appointments',
  ...(action === 'cancel' ? { body: cancelBody } : {}),
  success: { status: 200, description: 'The appointment after the change.', schema: appointmentSchema },
  errors: ['conflict'],
}));

// ---- The operations

/** Every documented operation (see the module comment). */
export const API_OPERATIONS: readonly ApiOperation[] = [
  // Auth
  {
    method: 'POST', path: '/api/auth/login/', operationId: 'login', tag: 'Auth', auth: 'public',
    summary: 'Sign in with email and password: a bearer token',
    description: 'Send the token as `Authorization: Bearer <token>`. Failed attempts are limited per account and per address (429 with `Retry-After`).',
    body: named(loginSchema, 'Login'),
    success: { status: 200, description: 'The token, when it expires, and the user.', schema: loginResponseSchema },
    errors: ['unauthenticated', 'rate_limited'],
  },
  {
    method: 'POST', path: '/api/auth/logout/', operationId: 'logout', tag: 'Auth',
    summary: 'Revoke the bearer token of the request',
    success: { status: 200, description: 'Whether a token was revoked (false for a browser session).', schema: logoutResponseSchema },
  },

  // Users
  {
    method: 'GET', path: '/api/users/', operationId: 'listUsers', tag: 'Users', roles: ADMIN,
    summary: 'List users (admin)', description: '`q` searches names and emails; `role` filters.',
    query: queryOf(paginationSchema, listUsersSchema),
    success: { status: 200, description: 'A page of users.', schema: userList },
  },
  {
    method: 'POST', path: '/api/users/', operationId: 'createUser', tag: 'Users', auth: 'public',
    summary: 'Register a patient (anyone), or create a doctor or an admin (admin)',
    body: createUserBody,
    success: { status: 201, description: 'The new user.', schema: userSchema },
    errors: ['forbidden', 'conflict'],
  },
  {
    method: 'GET', path: '/api/users/{id}/', operationId: 'getUser', tag: 'Users',
    summary: 'One user (themselves, or an admin)',
    success: { status: 200, description: 'The user.', schema: userSchema },
  },
  {
    method: 'PUT', path: '/api/users/{id}/', operationId: 'updateUser', tag: 'Users',
    summary: 'Update name and contact info; role and is_active by an admin (never one\'s own role)',
    body: named(updateUserSchema, 'UpdateUser'),
    success: { status: 200, description: 'The user after the change.', schema: userSchema },
    errors: ['conflict'],
  },
  {
    method: 'DELETE', path: '/api/users/{id}/', operationId: 'deactivateUser', tag: 'Users', roles: ADMIN,
    summary: 'Deactivate a user (admin); the account and its records stay',
    success: { status: 200, description: 'The deactivated user.', schema: userSchema },
    errors: ['conflict'],
  },

  // Patient profiles
  {
    method: 'GET', path: '/api/patient-profiles/', operationId: 'listPatientProfiles', tag: 'Patient profiles',
    summary: 'List patient profiles, role-filtered (patient: own; doctor: linked patients; admin: all)',
    description: '`q` searches names, phone numbers and clinic numbers.',
    query: queryOf(paginationSchema, listPatientProfilesSchema),
    success: { status: 200, description: 'A page of profiles, by name.', schema: profileList },
  },
  {
    method: 'POST', path: '/api/patient-profiles/', operationId: 'createPatientProfile', tag: 'Patient profiles', roles: STAFF,
    summary: 'Register a walk-in patient (doctor, admin)',
    description: 'Answers 409 `possible_duplicate` with the `candidates` unless `confirm_not_duplicate` is true.',
    body: named(createPatientByStaffSchema, 'CreatePatientByStaff'),
    success: { status: 201, description: 'The new profile.', schema: patientProfileSchema },
    errors: ['conflict'],
  },
  {
    method: 'GET', path: '/api/patient-profiles/{id}/', operationId: 'getPatientProfile', tag: 'Patient profiles',
    summary: 'One profile (own; any doctor: demographics, the clinical part when linked; admin)',
    success: { status: 200, description: 'The profile.', schema: patientProfileSchema },
  },
  {
    method: 'PUT', path: '/api/patient-profiles/{id}/', operationId: 'updatePatientProfile', tag: 'Patient profiles',
    summary: 'Partial update (patient: own contact, emergency contact, allergies, history; linked doctor, admin: also demographics)',
    body: named(updatePatientProfileSchema, 'UpdatePatientProfile'),
    success: { status: 200, description: 'The profile after the change.', schema: patientProfileSchema },
  },
  {
    method: 'DELETE', path: '/api/patient-profiles/{id}/', operationId: 'deactivatePatientProfile', tag: 'Patient profiles', roles: ADMIN,
    summary: 'Deactivate the patient\'s account (admin); nothing is removed',
    success: { status: 200, description: 'The profile, its account inactive.', schema: patientProfileSchema },
  },

  // Appointments
  {
    method: 'GET', path: '/api/appointments/', operationId: 'listAppointments', tag: 'Appointments',
    summary: 'List appointments, role-filtered, newest first',
    query: queryOf(paginationSchema, listAppointmentsSchema),
    success: { status: 200, description: 'A page of appointments.', schema: appointmentList },
  },
  {
    method: 'POST', path: '/api/appointments/', operationId: 'bookAppointment', tag: 'Appointments',
    summary: 'Book a pending appointment in a free slot (`patient_id` required when staff book)',
    body: named(bookAppointmentSchema, 'BookAppointment'),
    success: { status: 201, description: 'The new appointment.', schema: appointmentSchema },
    errors: ['conflict'],
  },
  {
    method: 'GET', path: '/api/appointments/{id}/', operationId: 'getAppointment', tag: 'Appointments',
    summary: 'One appointment (its patient, its doctor, or an admin)',
    success: { status: 200, description: 'The appointment.', schema: appointmentSchema },
  },
  {
    method: 'PUT', path: '/api/appointments/{id}/', operationId: 'updateAppointment', tag: 'Appointments',
    summary: 'Reschedule (a new `date_time`) or edit reason and notes',
    body: named(updateAppointmentSchema, 'UpdateAppointment'),
    success: { status: 200, description: 'The appointment after the change.', schema: appointmentSchema },
    errors: ['conflict'],
  },
  {
    method: 'DELETE', path: '/api/appointments/{id}/', operationId: 'deleteAppointment', tag: 'Appointments',
    summary: 'Cancel an appointment (no row is removed)',
    description: 'The reason is required: in the body (`{"reason"}`) or as `?reason=`.',
    query: z.object({ reason: cancelAppointmentSchema.shape.reason.optional() }),
    body: cancelBody, bodyRequired: false,
    success: { status: 200, description: 'The cancelled appointment.', schema: appointmentSchema },
    errors: ['conflict'],
  },
  ...appointmentActions,
  {
    method: 'GET', path: '/api/appointments/upcoming/', operationId: 'listUpcomingAppointments', tag: 'Appointments',
    summary: 'Active appointments from now on, soonest first, role-filtered',
    query: queryOf(paginationSchema, listAppointmentsSchema),
    success: { status: 200, description: 'A page of appointments.', schema: appointmentList },
  },
  {
    method: 'GET', path: '/api/appointments/today/', operationId: 'listTodaysAppointments', tag: 'Appointments',
    summary: 'The clinic day\'s appointments in time order, role-filtered',
    query: queryOf(paginationSchema, listAppointmentsSchema),
    success: { status: 200, description: 'A page of appointments.', schema: appointmentList },
  },

  // Doctors
  {
    method: 'GET', path: '/api/doctors/', operationId: 'listDoctors', tag: 'Doctors',
    summary: 'Active, bookable doctors (any signed-in user)',
    query: paginationSchema,
    success: { status: 200, description: 'A page of doctors.', schema: doctorList },
  },
  {
    method: 'GET', path: '/api/doctors/{id}/slots/', operationId: 'listDoctorSlots', tag: 'Doctors',
    summary: 'A doctor\'s free slots between two clinic dates (at most 31 days)',
    description: '`from` defaults to today, `to` to 14 days from `from`.',
    query: slotsQuerySchema,
    success: { status: 200, description: 'The free slots.', schema: slotListSchema },
  },

  // Medical records
  {
    method: 'GET', path: '/api/medical-records/', operationId: 'listMedicalRecords', tag: 'Medical records',
    summary: 'List records, role-filtered (patient: own; doctor: linked patients; admin: all), newest first',
    query: queryOf(paginationSchema, listMedicalRecordsSchema),
    success: { status: 200, description: 'A page of records.', schema: recordList },
  },
  {
    method: 'POST', path: '/api/medical-records/', operationId: 'chartVisit', tag: 'Medical records', roles: ['doctor'],
    summary: 'Chart a visit (doctor); completes the appointment when one is given',
    description: '`vital_signs` members are numbers (or numeric strings); `temperature_f` may replace `temperature_c`.',
    body: named(chartVisitSchema, 'ChartVisit'),
    success: { status: 201, description: 'The new record.', schema: medicalRecordSchema },
    errors: ['conflict'],
  },
  {
    method: 'GET', path: '/api/medical-records/{id}/', operationId: 'getMedicalRecord', tag: 'Medical records',
    summary: 'One record with its earlier versions (audited when read by anyone but the patient)',
    success: { status: 200, description: 'The record and its `history`.', schema: medicalRecordWithHistorySchema },
  },
  {
    method: 'PUT', path: '/api/medical-records/{id}/', operationId: 'amendMedicalRecord', tag: 'Medical records',
    summary: 'Amend a record (its doctor or an admin): the fields given replace the record\'s, the old version stays',
    body: named(amendRecordSchema, 'AmendMedicalRecord'),
    success: { status: 200, description: 'The amended record.', schema: medicalRecordSchema },
    errors: ['conflict'],
  },
  {
    method: 'DELETE', path: '/api/medical-records/{id}/', operationId: 'markMedicalRecordEnteredInError', tag: 'Medical records',
    summary: 'Mark a record entered in error (no row is removed)',
    description: 'The reason is required: in the body (`{"reason"}`) or as `?reason=`.',
    query: z.object({ reason: markEnteredInErrorSchema.shape.reason.optional() }),
    body: markEnteredInErrorBody, bodyRequired: false,
    success: { status: 200, description: 'The record, now entered_in_error.', schema: medicalRecordSchema },
    errors: ['conflict'],
  },
  {
    method: 'GET', path: '/api/medical-records/patient-history/', operationId: 'getPatientHistory', tag: 'Medical records',
    summary: 'A patient\'s visits, newest first (audited when read by anyone but the patient)',
    query: queryOf(paginationSchema, patientHistoryQuerySchema),
    success: { status: 200, description: 'A page of records.', schema: recordList },
    errors: ['forbidden', 'not_found'],
  },
  {
    method: 'GET', path: '/api/icd10/', operationId: 'searchIcd10', tag: 'Medical records',
    summary: 'Search ICD-10 codes by code or words (any signed-in user)',
    query: icd10SearchQuerySchema,
    success: { status: 200, description: 'Matching codes, best first.', schema: icd10ResultsSchema },
  },

  // Dashboard
  {
    method: 'GET', path: '/api/dashboard/stats/', operationId: 'getDashboardStats', tag: 'Dashboard', roles: ADMIN,
    summary: 'Clinic statistics over a range of clinic dates (admin; default the last 30 days)',
    query: dashboardStatsSchema,
    success: { status: 200, description: 'The statistics.', schema: dashboardStatsResponseSchema },
  },
  {
    method: 'GET', path: '/api/dashboard/recent-activity/', operationId: 'listRecentActivity', tag: 'Dashboard', roles: ADMIN,
    summary: 'The audit log, newest first, filtered (admin)',
    description: 'Filters (all optional, combined): `actor` a user id or 2+ characters of a name or email; `action` one action (`record.create`) or a prefix ending in a dot (`record.`); `patient` a clinic number (`EH-000123`) or a patient\'s user id; `outcome`; `from`/`to` clinic dates, both included.',
    query: queryOf(paginationSchema, activityFiltersSchema),
    success: { status: 200, description: 'A page of audit events.', schema: activityList },
  },

  {
    method: 'GET', path: '/api/dashboard/export/{table}/', operationId: 'exportDashboardTable', tag: 'Dashboard', roles: ADMIN,
    summary: 'One dashboard table as a CSV download (admin)',
    description: 'The same numbers as the table under its chart on the admin dashboard, for the range. UTF-8 with a byte-order mark, CRLF line ends, text cells quoted (formula characters neutralised).',
    params: z.object({ table: z.enum(DASHBOARD_TABLE_IDS).meta({ description: 'The table (any other name is a 404 listing them).' }) }),
    query: dashboardStatsSchema,
    success: {
      status: 200, description: 'The CSV file.', contentType: 'text/csv',
      headers: z.object({ 'Content-Disposition': z.string().meta({ example: 'attachment; filename="ehealth-visits-2025-12-01-to-2025-12-31.csv"' }) }),
    },
    errors: ['not_found'],
  },
  {
    method: 'GET', path: '/api/reports/monthly/', operationId: 'getMonthlyReport', tag: 'Dashboard', roles: ADMIN,
    summary: 'The clinic\'s monthly summary report (admin), as JSON or CSV',
    description: '`month` defaults to the previous clinic month; `format=csv` answers the same report as one CSV download (a `Section` column).',
    query: monthlyReportQuerySchema,
    success: { status: 200, description: 'The report (JSON, or CSV with `format=csv`).', schema: monthlyReportResponseSchema, alsoAs: ['text/csv'] },
  },

  // Health and documentation
  {
    method: 'GET', path: '/api/health-check/', operationId: 'healthCheck', tag: 'Health', auth: 'none',
    summary: 'Is the server and its database up?',
    success: { status: 200, description: 'The server and its database answer.', schema: healthCheckSchema },
    otherResponses: { 503: { description: 'The database does not answer (`"status":"unavailable"`).', schema: healthCheckSchema } },
  },
  {
    method: 'GET', path: '/api/openapi.json/', operationId: 'getOpenApiDocument', tag: 'Documentation', auth: 'none',
    summary: 'This document (OpenAPI 3.1)',
    success: { status: 200, description: 'The OpenAPI document.', schema: z.record(z.string(), z.unknown()).meta({ description: 'An OpenAPI 3.1 document.' }) },
  },
  {
    method: 'GET', path: '/api/docs/', operationId: 'getApiDocsPage', tag: 'Documentation', auth: 'none',
    summary: 'This documentation, rendered (Swagger UI served by the app)',
    success: { status: 200, description: 'The HTML page.', contentType: 'text/html' },
  },
  {
    method: 'GET', path: '/api/docs/assets/{file}/', operationId: 'getApiDocsAsset', tag: 'Documentation', auth: 'none',
    summary: 'A script, style sheet or icon of the documentation page',
    params: z.object({ file: z.enum(DOCS_ASSET_NAMES as [string, ...string[]]).meta({ description: 'One of the page\'s files (anything else is a 404).' }) }),
    success: { status: 200, description: 'The file (`Cache-Control: public, max-age=31536000, immutable`; the page versions its URLs).', contentType: 'application/octet-stream' },
    errors: ['not_found'],
  },
];

/** The path parameters of an operation: its own, or the id for `{id}` templates. */
export function pathParamsOf(op: ApiOperation): z.ZodObject | undefined {
  if (op.params) return op.params;
  return op.path.includes('{id}') ? idPath : undefined;
}
