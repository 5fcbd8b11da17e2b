"use client";
import { type ComponentPropsWithRef, type ReactNode, useId } from "react";

type FieldProps = {
  label: ReactNode;
  /** Shown under the control and read with it. */
  hint?: ReactNode;
  /** The server's or the form's message for this field: marks the control invalid and is read with it. */
  error?: ReactNode;
  /** Hide the label visually (it stays the control's accessible name). */
  labelHidden?: boolean;
  className?: string;
};

/** The look of a text control, for a control the fields here cannot wrap (e.g. with a button beside it). */
export const CONTROL_CLASS =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-red-600";

/** Label, control, hint and error wired together (ids, aria-describedby, aria-invalid). */
function useFieldIds(hint: ReactNode, error: ReactNode) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldFrame({
  id,
  hintId,
  errorId,
  label,
  hint,
  error,
  labelHidden,
  className = "",
  children,
}: FieldProps & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "text-sm font-medium"}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What a control needs to be read with its label, hint and error. */
type ControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** The label, hint and error around one control, which `children` renders with the props given. */
function Field({
  label,
  hint,
  error,
  labelHidden,
  className,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const ids = useFieldIds(hint, error);
  return (
    <FieldFrame {...ids} {...{ label, hint, error, labelHidden, className }}>
      {children({
        id: ids.id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": ids.describedBy,
      })}
    </FieldFrame>
  );
}

export function TextField({
  label,
  hint,
  error,
  labelHidden,
  className,
  ...input
}: FieldProps & Omit<ComponentPropsWithRef<"input">, "className">) {
  return (
    <Field {...{ label, hint, error, labelHidden, className }}>
      {(control) => <input {...control} className={CONTROL_CLASS} {...input} />}
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  labelHidden,
  className,
  ...textarea
}: FieldProps & Omit<ComponentPropsWithRef<"textarea">, "className">) {
  return (
    <Field {...{ label, hint, error, labelHidden, className }}>
      {(control) => <textarea {...control} className={`${CONTROL_CLASS} min-h-24`} {...textarea} />}
    </Field>
  );
}

/** A native select: the platform's own accessible listbox, right-to-left aware. */
export function SelectField({
  label,
  hint,
  error,
  labelHidden,
  className,
  options,
  ...select
}: FieldProps &
  Omit<ComponentPropsWithRef<"select">, "className" | "children"> & {
    options: readonly { value: string; label: string; lang?: string }[];
  }) {
  return (
    <Field {...{ label, hint, error, labelHidden, className }}>
      {(control) => (
        <select {...control} className={CONTROL_CLASS} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  hint,
  className = "",
  ...input
}: { label: ReactNode; hint?: ReactNode; className?: string } & Omit<
  ComponentPropsWithRef<"input">,
  "className" | "type"
>) {
  const id = useId();
  return (
    <div className={`flex items-start gap-2 ${className}`}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1"
        {...input}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A labelled row around a control the fields above do not cover (a select with groups, an input
 * with a button): the caller gives the control its `id` (= `htmlFor`) and aria-describedby.
 */
export function FieldRow({
  label,
  htmlFor,
  hint,
  hintId,
  error,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  hintId?: string;
  error?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error}
    </div>
  );
}
