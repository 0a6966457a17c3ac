/**
 * The print view of one visit, as the doctor's and the patient's portals both serve it
 * (`/<portal>/records/{id}/print?doc=summary|prescription&paper=A4|A5`): signs the user in for the
 * portal, reads the options, loads the visit through `getPrintableVisit` (its access rule and audit)
 * and draws the sheet. 404 for an id that is not a number.
 */
import { notFound } from 'next/navigation';
import { actorOf } from '@/lib/auth/current-user';
import { orPageError, requirePageUser } from '@/lib/auth/page-guard';
import { getPrintableVisit, type PrintableVisit } from '@/lib/records/get-printable-visit';
import { parsePrintOptions } from '@/lib/records/print-options';
import { PrintableVisitSheet } from './printable-visit';

export async function PrintVisitPage({ portal, id, searchParams, back }: {
  portal: 'doctor' | 'patient';
  id: string;
  searchParams: { doc?: string; paper?: string };
  /** Where "back" leads from this visit, and its words. */
  back: (visit: PrintableVisit) => { href: string; label: string };
}) {
  const user = await requirePageUser([portal], `/${portal}/records/${id}/print`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const { doc, paper } = parsePrintOptions(searchParams);
  const visit = await orPageError(getPrintableVisit({ user, actor: actorOf(user), recordId: Number(id), doc }));
  const { href, label } = back(visit);
  return <PrintableVisitSheet visit={visit} doc={doc} paper={paper} basePath={`/${portal}/records/${visit.record.id}/print`} backHref={href} backLabel={label} />;
}
