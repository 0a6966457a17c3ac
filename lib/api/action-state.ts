/** The state a server action returns to `useActionState` (importable from client components). */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** Extra members of a refusal's error (e.g. `reason: "allergy"` and `allergy_matches` of a 409), as the API gives them. */
  extra?: Record<string, unknown>;
  /** What a success lists beside its message, each with a link when there is a page for it (e.g. the
   * appointments a new period of time off falls on). */
  items?: Array<{ label: string; href?: string }>;
  /** Changes on every answer: key the form's fields on it so they remount with the echoed values
   * (React resets a form after its action runs, and a reset select loses its echoed value). */
  nonce?: string;
}

export const initialActionState: ActionState = { ok: false };
