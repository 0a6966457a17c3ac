'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { amendMedicalRecord } from '@/lib/records/amend-medical-record';
import { markEnteredInError } from '@/lib/records/mark-entered-in-error';
import { amendRecordFormSchema, markEnteredInErrorFormSchema } from '@/lib/records/schemas';

/** Saves an amendment (a new version of the record; the old one stays as history), then opens the record. */
export const amendRecordAction = action(amendRecordFormSchema, async ({ record_id, ...input }, { user, actor }) => {
  const { changed } = await amendMedicalRecord({ user, actor, recordId: record_id, input });
  redirect(`/doctor/records/${record_id}?${changed ? 'amended' : 'unchanged'}=1`);
}, { roles: ['doctor'] });

/** Marks a record entered in error with the reason given, then opens it (its doctor still sees it). */
export const markEnteredInErrorAction = action(markEnteredInErrorFormSchema, async ({ record_id, reason }, { user, actor }) => {
  await markEnteredInError({ user, actor, recordId: record_id, reason });
  redirect(`/doctor/records/${record_id}?marked=1`);
}, { roles: ['doctor'] });
