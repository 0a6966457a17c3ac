import type { Metadata } from 'next';
import { FavouriteDiagnosesEditor } from '@/components/records/favourite-diagnoses-editor';
import { requirePageUser } from '@/lib/auth/page-guard';
import { listFavouriteDiagnoses } from '@/lib/records/icd10/favourites';

export const metadata: Metadata = { title: 'Favourite diagnoses' };

/** The clinic's favourite diagnoses: the codes doctors see before typing in the diagnosis picker (admins keep them). */
export default async function AdminDiagnoses() {
  await requirePageUser(['admin'], '/admin/diagnoses');
  const favourites = await listFavouriteDiagnoses();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Favourite diagnoses</h1>
      <p className="text-sm text-slate-600">
        Doctors see these ICD-10 codes, in this order, as soon as they open the diagnosis box of a visit, before typing.
        They also rank a little higher in the diagnosis search.
      </p>
      <FavouriteDiagnosesEditor initial={favourites.map(({ code, display }) => ({ code, display }))} />
    </div>
  );
}
