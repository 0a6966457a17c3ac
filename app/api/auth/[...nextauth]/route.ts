import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { assertSignInAllowed } from '@/lib/auth/sign-in';
import { errorResponse, noStore } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';
import { normalizeEmail } from '@/core/text';

const nextAuth = NextAuth(authOptions);

/**
 * next-auth, with its plain-text errors and thrown errors (e.g. an unsupported action) turned into
 * the API's JSON envelope with a 4xx status; every answer carries `Cache-Control: no-store`. The
 * session answer (`GET /api/auth/session`) is `{}` for a session that was signed out, revoked or
 * deactivated (the `jwt` callback in lib/auth/options.ts checks the server-side session).
 */
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return noStore(await nextAuthHandler(req, ctx));
}

async function nextAuthHandler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  try {
    const res: Response = await nextAuth(req, ctx);
    const type = res.headers.get('content-type') ?? '';
    if (res.status >= 400 && !type.includes('json')) {
      return errorResponse(new AppError(res.status === 404 ? 'not_found' : 'validation_error', 'This sign-in request is not supported.'));
    }
    return res;
  } catch (e) {
    if (e && typeof e === 'object' && 'digest' in e) throw e; // redirect() and friends
    return errorResponse(new AppError('not_found', 'This sign-in action does not exist.'));
  }
}

// GET /api/auth/* — next-auth (session, csrf, providers)
export const GET = handler;

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
        // next-auth's client reads `error` from this absolute URL; build it from the Host the browser used.
        const url = new URL('/sign-in?error=RateLimited', `http://${req.headers.get('host') ?? 'localhost'}`).toString();
        return noStore(NextResponse.json(
          { url, error: { code: e.code, message: e.message } },
          { status: 429, headers: { 'Retry-After': String(e.retryAfterSeconds ?? 60) } },
        ));
      }
      throw e;
    }
  }
  return handler(req, ctx);
}
