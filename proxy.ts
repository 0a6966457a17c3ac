import { NextResponse, type NextRequest } from 'next/server';

/**
 * Passes the page's own path and query (`/admin/reports?month=2026-11`) to the server components as the
 * request header `x-ehealth-path`, so a signed-out visitor sent to sign in comes back to that exact page
 * (layouts do not otherwise know the URL). Read by `requirePageUser` in lib/auth/page-guard.ts.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-ehealth-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/patient/:path*', '/doctor/:path*', '/admin/:path*', '/account/:path*'] };
