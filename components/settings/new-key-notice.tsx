"use client";
import { useId } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import type { CreatedApiKeyOutput } from "@/server/api-keys/schemas";

/**
 * The one time a key is visible: selected and focused, so Ctrl+C works at once and a screen
 * reader reads the key's label and the warning together. The server keeps only its hash.
 */
export function NewKeyNotice({ created, onDone }: { created: CreatedApiKeyOutput; onDone: () => void }) {
  const t = useStrings("settings");
  const ids = { title: useId(), once: useId() };
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
      <CopyField label={t.newKeyLabel} value={created.key} describedBy={ids.once} strings={t} />
      <Button onClick={onDone} variant="secondary" className="mt-2">
        {t.doneWithKey}
      </Button>
    </section>
  );
}
