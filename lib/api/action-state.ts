/** The state a server action returns to `useActionState` (importable from client components). */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** Changes on every answer: key the form's fields on it so they remount with the echoed values
   * (React resets a form after its action runs, and a reset select loses its echoed value). */
  nonce?: string;
}

export const initialActionState: ActionState = { ok: false };
