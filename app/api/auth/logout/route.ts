import { withApi, methodsNotAllowed } from '@/lib/api/with-api';
import { audit } from '@/lib/audit/audit';
import { revokeApiTokenValue } from '@/lib/auth/tokens';

// POST /api/auth/logout/ — revokes the bearer token of the request (also for a user with a temporary password)
export const POST = withApi(async ({ req, user, actor }) => {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
  const revoked = m ? await revokeApiTokenValue(m[1]) : false;
  if (revoked) await audit(actor, { action: 'auth.token_revoke', entity: 'user', entityId: user?.id });
  return { revoked };
}, { allowTemporaryPassword: true });

// Other methods — 405 with Allow: POST
export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(['POST']);
