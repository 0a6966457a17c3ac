/** `/api/icd10/favourites/`; what each method does, who may call it and its schemas: lib/records/icd10/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { listFavouriteDiagnoses, setFavouriteDiagnoses } from '@/lib/records/icd10/favourites';
import { listIcd10FavouritesOperation, setIcd10FavouritesOperation } from '@/lib/records/icd10/operations';
import { serializeIcd10Results } from '@/lib/records/icd10/serialize';

export const dynamic = 'force-dynamic';

export const GET = withApi(listIcd10FavouritesOperation, async () => serializeIcd10Results(await listFavouriteDiagnoses()));

export const PUT = withApi(setIcd10FavouritesOperation, async ({ user, actor, body }) =>
  serializeIcd10Results(await setFavouriteDiagnoses({ user, actor, codes: body.codes })));

export const { POST, PATCH, DELETE } = methodsNotAllowed(['GET', 'PUT']);
