"use client";
import { TRPCClientError } from "@trpc/client";
import { useId } from "react";
import { useStrings } from "@/components/i18n/locale";
import { serverErrors } from "@/components/settings/server-errors";
import { LABEL_COLOR_NAMES, type LabelColor, labelColor } from "@/server/labels/colors";

export type LabelErrors = { name: string | null; form: string | null };
export const NO_LABEL_ERRORS: LabelErrors = { name: null, form: null };

export function labelErrors(error: unknown, t: ReturnType<typeof useStrings<"labels">>): LabelErrors {
  const { fields, form } = serverErrors(error, ["name", "color"]);
  const conflict = error instanceof TRPCClientError && error.data?.code === "CONFLICT";
  return { name: fields.name ? (conflict ? t.nameTaken : t.nameRequired) : null, form: fields.color ?? form };
}

/** The palette as a radio group: arrow keys move between colours (mirrored in Arabic, natively). */
export function ColorPicker({ value, onChange }: { value: string; onChange: (color: LabelColor) => void }) {
  const t = useStrings("labels");
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{t.color}</legend>
      <div className="flex flex-wrap gap-2">
        {LABEL_COLOR_NAMES.map((color) => {
          const { background, text } = labelColor(color);
          return (
            <label
              key={color}
              className="relative flex cursor-pointer items-center gap-1.5 rounded-full px-2.5 py-1 text-sm ring-offset-1 has-[:checked]:ring-2 has-[:checked]:ring-slate-900 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-700"
              style={{ background, color: text }}
            >
              <input
                type="radio"
                name={name}
                value={color}
                checked={value === color}
                onChange={() => onChange(color)}
                className="absolute inset-0 cursor-pointer opacity-0"
              />
              {t[color]}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
