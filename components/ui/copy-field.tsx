"use client";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A secret or link shown once: focused and selected on arrival, so Ctrl+C works at once, with a
 * Copy button and what became of the copy announced. `describedBy` is the warning read with it.
 */
export function CopyField({
  label,
  value,
  describedBy,
  strings,
}: {
  label: string;
  value: string;
  describedBy: string;
  strings: { copy: string; copied: string; copyFailed: string };
}) {
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <>
      <label htmlFor={id} className="mt-3 block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          ref={field}
          id={id}
          readOnly
          value={value}
          dir="ltr"
          spellCheck={false}
          aria-describedby={describedBy}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm"
        />
        <Button
          variant="primary"
          onClick={() => {
            const failed = () => {
              setCopy("failed");
              field.current?.select();
            };
            // No clipboard outside a secure context (an inbox served over plain http on a LAN).
            if (!navigator.clipboard) return failed();
            navigator.clipboard.writeText(value).then(() => setCopy("copied"), failed);
          }}
        >
          {strings.copy}
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-slate-700">
        {copy === "copied" ? strings.copied : copy === "failed" ? strings.copyFailed : ""}
      </p>
    </>
  );
}
