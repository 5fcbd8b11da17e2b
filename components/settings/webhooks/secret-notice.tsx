"use client";
import { useId } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";

/** The one time a signing secret is visible (on create and on rotate); the server shows it never again. */
export function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const t = useStrings("webhooks");
  const ids = { title: useId(), once: useId() };
  return (
    <section
      aria-labelledby={ids.title}
      data-new-webhook-secret
      className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
    >
      <h2 id={ids.title} className="text-base font-semibold">
        {format(t.secretTitle, { url })}
      </h2>
      <p id={ids.once} className="mt-1 text-sm font-medium text-amber-900">
        {t.secretOnce}
      </p>
      <CopyField label={t.secretLabel} value={secret} describedBy={ids.once} strings={t} />
      <Button onClick={onDone} variant="secondary" className="mt-2">
        {t.doneWithSecret}
      </Button>
    </section>
  );
}
