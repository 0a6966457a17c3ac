/** `/api/auth/logout/`; what it does, who may call it and its schemas: lib/auth/operations.ts. */
import { methodsNotAllowed, withApi } from '@/lib/api/with-api';
import { audit } from '@/lib/audit/audit';
import { logoutOperation } from '@/lib/auth/operations';
import { serializeLogout } from '@/lib/auth/serialize';
import { revokeApiTokenValue } from '@/lib/auth/tokens';

export const POST = withApi(logoutOperation, async ({ req, user, actor }) => {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
  const revoked = m ? await revokeApiTokenValue(m[1]) : false;
  if (revoked) await audit(actor, { action: 'auth.token_revoke', entity: 'user', entityId: user.id });
  return serializeLogout(revoked);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
