'use server';
import { redirect } from 'next/navigation';
import { action } from '@/lib/api/action';
import { chartVisit } from '@/lib/records/chart-visit';
import { chartVisitFormSchema } from '@/lib/records/schemas';

/** Saves a charted visit (and completes its appointment), then opens the chart. */
export const chartVisitAction = action(chartVisitFormSchema, async (input, { user, actor }) => {
  await chartVisit({ user, actor, input });
  redirect(`/doctor/patients/${input.patient_id}?charted=1`);
}, { roles: ['doctor'] });
