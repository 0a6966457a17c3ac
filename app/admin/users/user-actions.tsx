'use client';
import { useActionState, useState } from 'react';
import type { Role } from '@/core/vocabulary';
import { initialActionState } from '@/lib/api/action-state';
import { changeRoleAction, setActiveAction } from './actions';

const button = 'min-h-11 rounded px-3 font-semibold disabled:opacity-60';

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
              <button type="submit" disabled={rolePending} className={`${button} bg-teal-700 text-white`}>Yes, change role</button>
              <button type="button" onClick={() => setConfirming(null)} className={`${button} border border-slate-400`}>Cancel</button>
            </form>
          ) : (
            <button type="button" onClick={() => setConfirming('role')} className={`${button} border border-slate-400`}>
              Make {newRole}
            </button>
          )
        )}
        {confirming === 'active' ? (
          <form action={activeAction} className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
            <span>{isActive ? `Deactivate ${name}? They are signed out at once; their records stay.` : `Reactivate ${name}?`}</span>
            <button type="submit" disabled={activePending} className={`${button} ${isActive ? 'bg-rose-700' : 'bg-teal-700'} text-white`}>
              {isActive ? 'Yes, deactivate' : 'Yes, reactivate'}
            </button>
            <button type="button" onClick={() => setConfirming(null)} className={`${button} border border-slate-400`}>Cancel</button>
          </form>
        ) : confirming === null && !(isSelf && isActive) && (
          <button type="button" onClick={() => setConfirming('active')} className={`${button} border ${isActive ? 'border-rose-600 text-rose-800' : 'border-teal-700 text-teal-800'}`}>
            {isActive ? 'Deactivate' : 'Reactivate'}
          </button>
        )}
      </div>
      {message?.message && <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-teal-800' : 'text-rose-700'}`}>{message.message}</p>}
    </div>
  );
}
