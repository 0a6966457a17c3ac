import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { assertSignInAllowed } from '@/lib/auth/sign-in';
import { AppError } from '@/lib/errors';
import { normalizeEmail } from '@/lib/text';

const handler = NextAuth(authOptions);

// GET /api/auth/* — next-auth (session, csrf, providers, sign-out page)
export { handler as GET };

// POST /api/auth/* — next-auth; a rate-limited credentials sign-in answers 429 with Retry-After first
export async function POST(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await ctx.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const form = await req.clone().formData().catch(() => null);
    const email = normalizeEmail(String(form?.get('email') ?? ''));
    try {
      await assertSignInAllowed(email, clientAddressFrom(req.headers));
    } catch (e) {
      if (e instanceof AppError && e.code === 'rate_limited') {
        const url = new URL('/sign-in?error=RateLimited', req.url).toString();
        return NextResponse.json(
          { url, error: { code: e.code, message: e.message } },
          { status: 429, headers: { 'Retry-After': String(e.retryAfterSeconds ?? 60) } },
        );
      }
      throw e;
    }
  }
  return handler(req, ctx);
}
