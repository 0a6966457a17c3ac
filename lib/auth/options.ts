/**
 * next-auth v4 configuration: email + password (credentials), JWT sessions carrying the user id, role
 * and the id of a server-side session row, checked on every request (lib/auth/current-user.ts), so
 * signing out, deactivation or a bumped session version ends the session at once — `/api/auth/session`
 * included, which answers `{}` for such a session.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/core/env';
import { AppError } from '@/lib/errors';
import { clientAddressFrom } from './client-address';
import { signInWithPassword } from './sign-in';
import { closeBrowserSession, openBrowserSession, resolveBrowserSessionRow } from './tokens';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? '');
        const password = String(credentials?.password ?? '');
        if (!email || !password) return null;
        try {
          const user = await signInWithPassword({ email, password }, { via: 'page', clientAddress: clientAddressFrom(req?.headers) });
          return { id: String(user.id), name: user.name, email: user.email, role: user.role, sv: user.sessionVersion };
        } catch (e) {
          // next-auth passes an Error's message to the sign-in page as ?error=…
          if (e instanceof AppError && e.code === 'rate_limited') throw new Error('RateLimited');
          if (e instanceof AppError && /deactivated/.test(e.message)) throw new Error('Deactivated');
          if (e instanceof AppError) return null;
          throw e;
        }
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (token && typeof token.sid === 'string') await closeBrowserSession(token.sid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: string; sv: number };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sv;
        // The server-side session this cookie stands for: signing out (or deactivation) ends it.
        token.sid = await openBrowserSession({ id: Number(u.id), sessionVersion: u.sv });
        return token;
      }
      // Reading the session (GET /api/auth/session): the server-side session must still be valid — not
      // signed out, not revoked (session version bumped, password reset), user still active — the rule
      // lib/auth/current-user.ts applies to every other request. Otherwise the cookie is emptied.
      const r = typeof token.sid === 'string' ? await resolveBrowserSessionRow(token.sid) : null;
      if (!r || r.user.id !== token.uid) return {};
      token.name = r.user.name;
      token.role = r.user.role;
      return token;
    },
    async session({ session, token }) {
      // No valid server-side session (see `jwt`): no user, the same `{}` next-auth answers without a cookie.
      if (typeof token.uid !== 'number') return {} as typeof session;
      if (session.user) {
        (session.user as Record<string, unknown>).id = token.uid;
        (session.user as Record<string, unknown>).role = token.role;
      }
      return session;
    },
  },
};
