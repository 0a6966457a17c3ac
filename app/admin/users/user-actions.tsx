'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { FormNotice } from '@/components/ui/form-notice';
import type { Role } from '@/core/vocabulary';
import { initialActionState } from '@/lib/api/action-state';
import { changeRoleAction, resetPasswordAction, setActiveAction, type PasswordResetState } from './actions';

/**
 * Role change (staff only, not oneself), password reset (accounts with an email, not oneself: the new
 * temporary password is shown once) and deactivate/reactivate, each after one confirmation.
 */
export function UserActions({ id, name, role, isActive, isSelf, hasEmail = true }: { id: number; name: string; role: Role; isActive: boolean; isSelf: boolean; hasEmail?: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, initialActionState);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, initialActionState);
  const [resetState, resetAction, resetPending] = useActionState<PasswordResetState, FormData>(resetPasswordAction, initialActionState);
  // A confirmation stays open until its action answers (the answer's nonce differs from the one it opened with).
  const [open, setOpen] = useState<null | { kind: 'role' | 'active' | 'reset'; nonces: string }>(null);
  const nonces = `${roleState.nonce}/${activeState.nonce}/${resetState.nonce}`;
  const confirming = open && open.nonces === nonces ? open.kind : null;
  const setConfirming = (kind: 'role' | 'active' | 'reset' | null) => setOpen(kind ? { kind, nonces } : null);
  const newRole: Role = role === 'admin' ? 'doctor' : 'admin';
  const message = [roleState, activeState, resetState].find((s) => s.message && !(s === resetState && s.ok));
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {role !== 'patient' && !isSelf && (
          confirming === 'role' ? (
            <form action={roleAction} className="flex flex-wrap items-center gap-2">
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="role" value={newRole} />
              <span>Make {name} {newRole === 'admin' ? 'an admin' : 'a doctor'}?</span>
              <Button type="submit" size="sm" disabled={rolePending}>Yes, change role</Button>
              <Button type="button" variant="neutral" size="sm" onClick={() => setConfirming(null)}>Cancel</Button>
            </form>
          ) : (
            <Button type="button" variant="neutral" size="sm" onClick={() => setConfirming('role')}>
              Make {newRole}
            </Button>
          )
        )}
        {hasEmail && !isSelf && (confirming === 'reset' ? (
          <form action={resetAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={id} />
            <span>Reset {name}&apos;s password? They are signed out everywhere and must choose a new one.</span>
            <Button type="submit" variant="danger" size="sm" disabled={resetPending}>Yes, reset password</Button>
            <Button type="button" variant="neutral" size="sm" onClick={() => setConfirming(null)}>Cancel</Button>
          </form>
        ) : confirming === null && (
          <Button type="button" variant="neutral" size="sm" onClick={() => setConfirming('reset')}>Reset password</Button>
        ))}
        {confirming === 'active' ? (
          <form action={activeAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
            <span>{isActive ? `Deactivate ${name}? They are signed out at once; their records stay.` : `Reactivate ${name}?`}</span>
            <Button type="submit" variant={isActive ? 'danger' : 'primary'} size="sm" disabled={activePending}>
              {isActive ? 'Yes, deactivate' : 'Yes, reactivate'}
            </Button>
            <Button type="button" variant="neutral" size="sm" onClick={() => setConfirming(null)}>Cancel</Button>
          </form>
        ) : confirming === null && !(isSelf && isActive) && (
          <Button type="button" variant={isActive ? 'danger-outline' : 'secondary'} size="sm" onClick={() => setConfirming('active')}>
            {isActive ? 'Deactivate' : 'Reactivate'}
          </Button>
        )}
      </div>
      {resetState.ok && resetState.temporaryPassword && (
        <Notice tone="warning" as="div">
          <p className="font-semibold">{resetState.message}</p>
          <p className="mt-1">New temporary password: <code data-testid="reset-temporary-password" className="select-all rounded bg-white px-2 py-1 font-mono">{resetState.temporaryPassword}</code></p>
          <p className="mt-1 text-sm">Give it to them privately. It is shown only this once; they must choose their own at their next sign-in.</p>
        </Notice>
      )}
      {message?.message && <FormNotice answer={message} tone={message.ok ? 'success' : 'error'} compact>{message.message}</FormNotice>}
    </div>
  );
}
