/** The `/api/users/` operations (see lib/api/operation.ts). */
import { z } from 'zod';
import { defineOperation, named, validatedByService } from '@/lib/api/operation';
import { paginationSchema } from '@/lib/api/pagination';
import { idPathParam } from '@/lib/api/params';
import { registerPatientSchema } from '@/lib/patients/schemas';
import { createStaffUserSchema } from './create-staff-user';
import { listUsersSchema, updateUserSchema } from './schemas';
import { resetPasswordResponseSchema, userListResponseSchema, userResponseSchema } from './serialize';

const userId = { id: idPathParam('The user') };

export const listUsersOperation = defineOperation({
  method: 'GET', path: '/api/users/', operationId: 'listUsers', tag: 'Users', roles: ['admin'],
  summary: 'List users (admin)', description: '`q` searches names and emails; `role` filters.',
  query: [paginationSchema, listUsersSchema],
  success: { status: 200, description: 'A page of users.', schema: userListResponseSchema },
});

/** Validated by `registerUser` (lib/users/register-user.ts): a patient by `registerPatientSchema`, staff by `createStaffUserSchema`, after checking who asks. */
const contactInfo = z.object({
  phone: z.string().max(32).nullish().meta({ description: 'Stored as E.164 (e.g. +254712345678) when it parses for the clinic country.' }),
  address: z.string().max(500).nullish(),
}).meta({ description: 'The documented User shape; a flat `phone`/`address` is still accepted (`contact_info` wins).' });
const flatPhone = z.string().max(32).nullish().meta({ description: 'Flat form of `contact_info.phone` (still accepted).' });
const flatAddress = z.string().max(500).nullish().meta({ description: 'Flat form of `contact_info.address` (still accepted).' });

const createUserBody = z.union([
  named(registerPatientSchema.extend({
    role: z.literal('patient').optional(), contact_info: contactInfo.optional(), phone: flatPhone, address: flatAddress,
    confirm_new_patient: z.boolean().optional().meta({ description: 'Staff only: create the patient even when registered patients match.' }),
  }), 'RegisterPatient',
    'A patient registers themselves (anyone may): role absent or `patient`; a phone is required (in `contact_info` or flat).'),
  named(createStaffUserSchema.extend({ contact_info: contactInfo.optional(), phone: flatPhone, address: flatAddress }), 'CreateStaffUser',
    'An admin creates a doctor or an admin; the password given is temporary (changed at first sign-in).'),
]);

export const createUserOperation = defineOperation({
  method: 'POST', path: '/api/users/', operationId: 'createUser', tag: 'Users', auth: 'public',
  summary: 'Register a patient (anyone), or create a doctor or an admin (admin)',
  description: 'A taken email, in any letter case, answers 409 `conflict` (`"conflict": "email_taken"`). '
    + 'A patient matching a registered one (the same date of birth and a close name or the same phone) answers 409 `conflict` '
    + '`"conflict": "possible_duplicate"`: to a signed-out caller or a patient with a message to ask at the clinic and nothing about the other record; '
    + 'to a doctor or an admin with `candidates` [{ id, user_id, patient_number, name, date_of_birth, phone, is_active, matches }] '
    + 'unless the body has `"confirm_new_patient": true`. Refused self-registrations are limited per client address '
    + '(429 `rate_limited` with `Retry-After`); they never count against sign-in.',
  body: validatedByService(createUserBody),
  success: { status: 201, description: 'The new user.', schema: userResponseSchema },
  errors: ['forbidden', 'conflict', 'rate_limited'],
});

export const getUserOperation = defineOperation({
  method: 'GET', path: '/api/users/{id}/', operationId: 'getUser', tag: 'Users', params: userId,
  summary: 'One user (themselves, or an admin)',
  success: { status: 200, description: 'The user.', schema: userResponseSchema },
});

export const updateUserOperation = defineOperation({
  method: 'PUT', path: '/api/users/{id}/', operationId: 'updateUser', tag: 'Users', params: userId,
  summary: 'Update name and contact info; role and is_active by an admin (never one\'s own role)',
  description: 'Phone and address in `contact_info` (or flat `phone`/`address`); a phone is stored as E.164.',
  body: named(updateUserSchema, 'UpdateUser'),
  success: { status: 200, description: 'The user after the change.', schema: userResponseSchema },
  errors: ['conflict'],
});

export const deactivateUserOperation = defineOperation({
  method: 'DELETE', path: '/api/users/{id}/', operationId: 'deactivateUser', tag: 'Users', roles: ['admin'], params: userId,
  summary: 'Deactivate a user (admin); the account and its records stay',
  success: { status: 200, description: 'The deactivated user.', schema: userResponseSchema },
  errors: ['conflict'],
});

export const resetPasswordOperation = defineOperation({
  method: 'POST', path: '/api/users/{id}/reset-password/', operationId: 'resetUserPassword', tag: 'Users', roles: ['admin'], params: userId,
  summary: 'Reset a user\'s password to a new temporary one (admin)',
  description: 'The temporary password is in the answer only, once. The user must change it at the next sign-in, and every browser '
    + 'session and API token of theirs ends at once. Not for one\'s own account (403: use `POST /api/auth/password/`); 409 for an '
    + 'account without an email (it cannot sign in).',
  success: { status: 200, description: 'The user and the temporary password.', schema: resetPasswordResponseSchema },
  errors: ['conflict'],
});
