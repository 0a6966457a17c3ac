'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { Role } from '@/core/vocabulary';
import { initialActionState } from '@/lib/api/action-state';
import { changeRoleAction, setActiveAction } from './actions';

/** Role change (staff only, not oneself) and deactivate/reactivate, each after one confirmation. */
export function UserActions({ id, name, role, isActive, isSelf }: { id: number; name: string; role: Role; isActive: boolean; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, initialActionState);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, initialActionState);
  // A confirmation stays open until its action answers (the answer's nonce differs from the one it opened with).
  const [open, setOpen] = useState<null | { kind: 'role' | 'active'; nonces: string }>(null);
  const nonces = `${roleState.nonce}/${activeState.nonce}`;
  const confirming = open && open.nonces === nonces ? open.kind : null;
  const setConfirming = (kind: 'role' | 'active' | null) => setOpen(kind ? { kind, nonces } : null);
  const newRole: Role = role === 'admin' ? 'doctor' : 'admin';
  const message = [roleState, activeState].find((s) => s.message);
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
      {message?.message && <Notice tone={message.ok ? 'success' : 'error'} compact>{message.message}</Notice>}
    </div>
  );
}
