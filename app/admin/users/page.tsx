import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { Card, Empty } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { Pager, countPhrase, isPastTheEnd } from '@/components/ui/pager';
import { MAX_PAGE } from '@/lib/api/pagination';
import { requirePageUser } from '@/lib/auth/page-guard';
import { zodFieldErrors } from '@/lib/errors';
import { listUsers } from '@/lib/users/list-users';
import { listUsersSchema } from '@/lib/users/schemas';
import { formatDate } from '@/core/time';
import { NewStaffForm } from './new-staff-form';
import { UserActions } from './user-actions';

export const metadata: Metadata = { title: 'Users' };

const PAGE_SIZE = 25;
const input = 'min-h-11 rounded border border-slate-400 bg-white px-3 py-2';

/**
 * Users: search by name or email, filter by role (an unknown role is shown next to its field instead of
 * the list), create doctors and admins (a link at the top jumps to the form), change roles, (de)activate.
 */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(['admin'], '/admin/users');
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : '');
  const q = one('q').trim().slice(0, 100);
  const rawRole = one('role').trim().slice(0, 40);
  const parsed = listUsersSchema.safeParse({ q: q || undefined, role: rawRole });
  const roleError = parsed.success ? undefined : zodFieldErrors(parsed.error.issues).role?.[0];
  const role = parsed.success ? parsed.data.role : undefined;
  const page = Math.max(1, Math.min(MAX_PAGE, Number.parseInt(one('page'), 10) || 1));
  const { count, rows } = parsed.success
    ? await listUsers({ user, query: parsed.data, page: { page, page_size: PAGE_SIZE } })
    : { count: 0, rows: [] };
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const pastEnd = isPastTheEnd(page, pages);
  const link = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold">Users</h1>
        <a href="#new-staff" className={buttonClass({ variant: 'secondary', link: true })}>New doctor or admin ↓</a>
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card title="All users">
          <form method="get" action="/admin/users" role="search" className="mb-3 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="users-q" className="sr-only">Name or email</label>
            <input id="users-q" name="q" type="search" defaultValue={q} placeholder="Name or email" className={`${input} flex-1`} />
            <label htmlFor="users-role" className="sr-only">Role</label>
            <select id="users-role" name="role" defaultValue={role ?? ''} className={`${input} aria-[invalid=true]:border-rose-600`}
              aria-invalid={roleError ? true : undefined} aria-describedby={roleError ? 'users-role-err' : undefined}>
              <option value="">All roles</option>
              <option value="patient">Patients</option>
              <option value="doctor">Doctors</option>
              <option value="admin">Admins</option>
            </select>
            <Button type="submit">Search</Button>
          </form>
          {roleError ? (
            <Notice tone="error" id="users-role-err">Role: {roleError} Correct the role above to see the users.</Notice>
          ) : <>
          <p className="mb-2 text-sm text-slate-600">{countPhrase(count, ['user', 'users'])}{q ? ` matching “${q}”` : ''}</p>
          {pastEnd ? null : rows.length ? (
            <ul className="divide-y divide-slate-100" data-testid="user-list">
              {rows.map((u) => (
                <li key={u.id} className="flex flex-col gap-2 py-3" data-testid={`user-${u.id}`}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="font-medium">{u.name}</span>
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide">{u.role}</span>
                    {!u.isActive && <span className="rounded bg-slate-300 px-2 py-0.5 text-xs">Deactivated</span>}
                    {u.mustChangePassword && u.isActive && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs">Temporary password</span>}
                    {u.id === user.id && <span className="text-xs text-slate-600">(you)</span>}
                  </div>
                  <div className="text-sm text-slate-600">{u.email ?? 'No account email'} · joined {formatDate(u.dateJoined)}</div>
                  <UserActions id={u.id} name={u.name} role={u.role} isActive={u.isActive} isSelf={u.id === user.id} hasEmail={u.email !== null} />
                  {u.role === 'patient' && (
                    <Link href={`/admin/patients/${u.id}/merge`} className="inline-flex min-h-11 items-center self-start text-sm text-teal-800 underline" aria-label={`Merge another record into ${u.name}`}>
                      Merge a duplicate record into this one
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          ) : <Empty>No user matches. Try part of the name or the email.</Empty>}
          <Pager page={page} pages={pages} href={link} />
          </>}
        </Card>
        <div id="new-staff" className="scroll-mt-4">
          <Card title="New doctor or admin">
            <NewStaffForm />
          </Card>
        </div>
      </div>
    </div>
  );
}
