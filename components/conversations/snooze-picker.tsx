"use client";
import { useId, useRef, useState } from "react";
import {
  localInputValue,
  PRESET_LABEL,
  SNOOZE_PRESETS,
  snoozePresetTime,
  snoozeTimeOf,
} from "@/components/conversations/snooze-times";
import { useFormatters } from "@/components/i18n/format";
import { useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Until when: four presets (each showing its time in the member's zone), the arrow keys move
 * between them, or a date and time typed in the native field. Loaded when first opened.
 */
export function SnoozePicker({
  onSnooze,
  onClose,
}: {
  onSnooze: (until: Date) => void;
  onClose: () => void;
}) {
  const t = useStrings("conversations");
  const formatters = useFormatters();
  const [now] = useState(() => new Date());
  const [custom, setCustom] = useState(() => localInputValue(snoozePresetTime("tomorrow", now)));
  const [invalid, setInvalid] = useState(false);
  const presets = useRef<(HTMLButtonElement | null)[]>([]);
  const ids = { field: useId(), error: useId() };

  function choose(until: Date) {
    onClose();
    onSnooze(until);
  }

  function onPresetKeyDown(event: React.KeyboardEvent<HTMLFieldSetElement>) {
    const index = presets.current.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === "ArrowDown") next = Math.min(index + 1, SNOOZE_PRESETS.length - 1);
    else if (event.key === "ArrowUp") next = Math.max(index - 1, 0);
    if (next === null) return;
    event.preventDefault();
    presets.current[next]?.focus();
  }

  return (
    <Dialog title={t.snoozeTitle} onClose={onClose}>
      <fieldset onKeyDown={onPresetKeyDown} className="mt-3 flex flex-col gap-1">
        <legend className="sr-only">{t.snoozeTitle}</legend>
        {SNOOZE_PRESETS.map((preset, index) => {
          const until = snoozePresetTime(preset, now);
          return (
            <button
              key={preset}
              ref={(element) => {
                presets.current[index] = element;
              }}
              type="button"
              onClick={() => choose(until)}
              className="flex items-center justify-between gap-4 rounded-md px-3 py-2 text-start text-sm hover:bg-slate-100 focus:bg-blue-50"
            >
              <span className="font-medium">{t[PRESET_LABEL[preset]]}</span>
              <span className="text-slate-600">{formatters.dateTime(until.toISOString())}</span>
            </button>
          );
        })}
      </fieldset>
      <form
        className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4"
        onSubmit={(event) => {
          event.preventDefault();
          const until = snoozeTimeOf(custom);
          if (until) choose(until);
          else setInvalid(true);
        }}
      >
        <label htmlFor={ids.field} className="flex flex-col gap-1 text-sm font-medium">
          {t.snoozeCustom}
          <input
            id={ids.field}
            type="datetime-local"
            value={custom}
            onChange={(event) => {
              setCustom(event.target.value);
              setInvalid(false);
            }}
            aria-invalid={invalid}
            aria-describedby={invalid ? ids.error : undefined}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal"
          />
        </label>
        <Button type="submit">{t.snoozeConfirm}</Button>
        {invalid ? (
          <p id={ids.error} role="alert" className="w-full text-sm text-red-800">
            {t.snoozeInvalid}
          </p>
        ) : null}
      </form>
      <div className="mt-4 flex justify-end">
        <Button variant="ghost" onClick={onClose}>
          {t.cancel}
        </Button>
      </div>
    </Dialog>
  );
}
