"use client";
import { useEffect, useId, useRef, useState } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import type { CreatedApiKeyOutput } from "@/server/api-keys/schemas";

/**
 * The one time a key is visible: selected and focused, so Ctrl+C works at once and a screen
 * reader reads the key's label and the warning together. The server keeps only its hash.
 */
export function NewKeyNotice({ created, onDone }: { created: CreatedApiKeyOutput; onDone: () => void }) {
  const t = useStrings("settings");
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), field: useId(), once: useId() };
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <section
      aria-labelledby={ids.title}
      data-new-api-key
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
    >
      <h2 id={ids.title} className="text-base font-semibold">
        {format(t.newKeyTitle, { name: created.name })}
      </h2>
      <p id={ids.once} className="mt-1 flex items-start gap-2 text-sm font-medium text-amber-900">
        <svg aria-hidden viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0">
          <path d="M8 1.5 15 14H1Z" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 6v4M8 11.5v1" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        {t.newKeyOnce}
      </p>
      <label htmlFor={ids.field} className="mt-3 block text-sm font-medium">
        {t.newKeyLabel}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          ref={field}
          id={ids.field}
          readOnly
          value={created.key}
          dir="ltr"
          spellCheck={false}
          aria-describedby={ids.once}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm"
        />
        <Button
          onClick={() => {
            const failed = () => {
              setCopy("failed");
              field.current?.select();
            };
            // No clipboard outside a secure context (an inbox served over plain http on a LAN).
            if (!navigator.clipboard) return failed();
            navigator.clipboard.writeText(created.key).then(() => setCopy("copied"), failed);
          }}
          variant="primary"
        >
          {t.copy}
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-slate-700">
        {copy === "copied" ? t.copied : copy === "failed" ? t.copyFailed : ""}
      </p>
      <Button onClick={onDone} variant="secondary" className="mt-2">
        {t.doneWithKey}
      </Button>
    </section>
  );
}
