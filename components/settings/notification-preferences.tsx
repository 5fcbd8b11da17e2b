"use client";
import { useId } from "react";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import type { NotificationPreferences } from "@/server/notifications/schemas";

const KINDS = [
  ["mention", "preferMention"],
  ["assigned", "preferAssigned"],
  ["customer_message", "preferCustomerMessage"],
] as const satisfies readonly (readonly [keyof NotificationPreferences, string])[];

/** Which notifications the member gets in this workspace: each kind on or off, saved as it is ticked. */
export function NotificationPreferencesForm() {
  const t = useStrings("notifications");
  const headingId = useId();
  const utils = trpc.useUtils();
  const preferences = trpc.v1.notifications.preferences.useQuery();
  // Ticked at once; a refused change puts the box back.
  const update = trpc.v1.notifications.updatePreferences.useMutation({
    onMutate: (change) =>
      utils.v1.notifications.preferences.setData(undefined, (was) => (was ? { ...was, ...change } : was)),
    onSuccess: (saved) => utils.v1.notifications.preferences.setData(undefined, saved),
    onError: () => void utils.v1.notifications.preferences.invalidate(),
  });
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {t.preferencesTitle}
      </h2>
      <p className="max-w-prose text-sm text-slate-600">{t.preferencesHint}</p>
      <fieldset className="space-y-2" disabled={!preferences.data}>
        <legend className="sr-only">{t.preferencesTitle}</legend>
        {KINDS.map(([kind, label]) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={preferences.data?.[kind] ?? true}
              onChange={(event) => update.mutate({ [kind]: event.target.checked })}
            />
            {t[label]}
          </label>
        ))}
      </fieldset>
      <p role="status" className="text-sm text-green-800">
        {update.isSuccess ? t.saved : ""}
      </p>
    </section>
  );
}
