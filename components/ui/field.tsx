/**
 * A labelled form field with its first error below it (server-rendered; works before scripts arrive).
 * A custom control passed as `children` should use id `f-<name>` and `aria-describedby` `f-<name>-err`.
 */
export function Field({ label, name, type = 'text', defaultValue, errors, autoComplete, required, children, hint }: {
  label: string; name: string; type?: string; defaultValue?: string; errors?: string[]; autoComplete?: string; required?: boolean; children?: React.ReactNode; hint?: string;
}) {
  const id = `f-${name}`;
  const errId = `${id}-err`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {children ?? (
        <input id={id} name={name} type={type} defaultValue={defaultValue} autoComplete={autoComplete} required={required}
          aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? errId : undefined}
          className="min-h-11 rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-rose-600" />
      )}
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      {errors?.length ? <p id={errId} className="text-sm text-rose-700">{errors[0]}</p> : null}
    </div>
  );
}
