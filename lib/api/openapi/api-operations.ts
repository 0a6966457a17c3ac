/**
 * Every operation of the REST API, gathered for the OpenAPI document from the domains' operation
 * modules. Nothing is described here: each module's exported operations are taken as defined, in the
 * order of the modules below (the order of the document's tags), then by path and method. A route
 * whose operation is missing from these modules fails `lib/api/operations.test.ts` and `openapi.int.test.ts`.
 */
import * as appointments from '@/lib/appointments/operations';
import * as doctors from '@/lib/appointments/availability-operations';
import * as auth from '@/lib/auth/operations';
import * as dashboard from '@/lib/dashboard/operations';
import * as health from '@/lib/health/operations';
import * as patients from '@/lib/patients/operations';
import * as records from '@/lib/records/operations';
import * as icd10 from '@/lib/records/icd10/operations';
import * as reports from '@/lib/reports/operations';
import * as users from '@/lib/users/operations';
import { isOperation, type ApiMethod, type Operation } from '../operation';
import * as docs from './docs-operations';

const MODULES: ReadonlyArray<Record<string, unknown>> = [auth, users, patients, appointments, doctors, records, icd10, dashboard, reports, health, docs];

const METHOD_ORDER: readonly ApiMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const byPathAndMethod = (a: Operation, b: Operation) =>
  a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);

/** Every operation the document lists (see the module comment). */
export const API_OPERATIONS: readonly Operation[] = MODULES.flatMap((m) => Object.values(m).filter(isOperation).sort(byPathAndMethod));
