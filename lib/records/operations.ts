/** The `/api/medical-records/` operations (see lib/api/operation.ts). */
import { z } from 'zod';
import { defineOperation, named } from '@/lib/api/operation';
import { paginationSchema } from '@/lib/api/pagination';
import { idPathParam } from '@/lib/api/params';
import {
  amendRecordSchema, chartVisitSchema, listMedicalRecordsSchema, markEnteredInErrorSchema, patientHistoryQuerySchema,
} from './schemas';
import { medicalRecordListResponseSchema, medicalRecordResponseSchema, medicalRecordWithHistoryResponseSchema } from './serialize';

const recordId = { id: idPathParam('The medical record') };

/** The allergy check, as the operations describe it. */
const ALLERGY_CHECK_DOC = 'A prescription line (or a medicine of the free-text `prescription`, split on new lines, `;`, `,`, `+` and "and"; such matches carry `source: "prescription"` instead of `line`) whose medicine matches a recorded allergy of the patient (same substance, same class such as penicillins, sulfonamide antibiotics or NSAIDs, or penicillin–cephalosporin cross-reactivity) is refused with 409 `conflict`: `{"error": {"code": "conflict", "message", "reason": "allergy", "allergy_matches": [AllergyMatch]}}`, and nothing is written, unless the body has `"override_allergy_warning": true`; the confirmed matches are then audited and returned in the record\'s `allergy_override`.';

export const listMedicalRecordsOperation = defineOperation({
  method: 'GET', path: '/api/medical-records/', operationId: 'listMedicalRecords', tag: 'Medical records',
  summary: 'List records, role-filtered (patient: own; doctor: linked patients; admin: all), newest first',
  query: [paginationSchema, listMedicalRecordsSchema],
  success: { status: 200, description: 'A page of records.', schema: medicalRecordListResponseSchema },
});

export const chartVisitOperation = defineOperation({
  method: 'POST', path: '/api/medical-records/', operationId: 'chartVisit', tag: 'Medical records', roles: ['doctor'],
  summary: 'Chart a visit (doctor); completes the appointment when one is given',
  description: '`vital_signs` members are numbers (or numeric strings); `temperature_f` may replace `temperature_c`. ' + ALLERGY_CHECK_DOC,
  body: named(chartVisitSchema, 'ChartVisit'),
  success: { status: 201, description: 'The new record.', schema: medicalRecordResponseSchema },
  errors: ['conflict'],
});

export const getMedicalRecordOperation = defineOperation({
  method: 'GET', path: '/api/medical-records/{id}/', operationId: 'getMedicalRecord', tag: 'Medical records', params: recordId,
  summary: 'One record with its earlier versions (audited when read by anyone but the patient)',
  success: { status: 200, description: 'The record and its `history`.', schema: medicalRecordWithHistoryResponseSchema },
});

export const amendMedicalRecordOperation = defineOperation({
  method: 'PUT', path: '/api/medical-records/{id}/', operationId: 'amendMedicalRecord', tag: 'Medical records', params: recordId,
  summary: 'Amend a record (its doctor or an admin): the fields given replace the record\'s, the old version stays',
  description: 'Changed prescription lines are checked against the patient\'s allergies (matches already confirmed on the current version excepted). ' + ALLERGY_CHECK_DOC,
  body: named(amendRecordSchema, 'AmendMedicalRecord'),
  success: { status: 200, description: 'The amended record.', schema: medicalRecordResponseSchema },
  errors: ['conflict'],
});

/** The reason comes from `?reason=` when given (the body is then not read), else from the body. */
export const markMedicalRecordEnteredInErrorOperation = defineOperation({
  method: 'DELETE', path: '/api/medical-records/{id}/', operationId: 'markMedicalRecordEnteredInError', tag: 'Medical records', params: recordId,
  summary: 'Mark a record entered in error (no row is removed)',
  description: 'The reason is required: in the body (`{"reason"}`) or as `?reason=`.',
  query: z.object({ reason: markEnteredInErrorSchema.shape.reason.optional() }),
  body: named(markEnteredInErrorSchema, 'MarkEnteredInError'), bodyRequired: false,
  success: { status: 200, description: 'The record, now entered_in_error.', schema: medicalRecordResponseSchema },
  errors: ['conflict'],
});

export const getPatientHistoryOperation = defineOperation({
  method: 'GET', path: '/api/medical-records/patient-history/', operationId: 'getPatientHistory', tag: 'Medical records',
  summary: 'A patient\'s visits, newest first (audited when read by anyone but the patient)',
  query: [paginationSchema, patientHistoryQuerySchema],
  success: { status: 200, description: 'A page of records.', schema: medicalRecordListResponseSchema },
  errors: ['forbidden', 'not_found'],
});
