"use client";
import { useId, useState } from "react";
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
  // Ticked at once; a refused change puts the box back. A read already on its way (the live
  // stream's resync when it connects) is cancelled first, or its older answer would untick the box.
  const update = trpc.v1.notifications.updatePreferences.useMutation({
    onMutate: async (change) => {
      await utils.v1.notifications.preferences.cancel();
      utils.v1.notifications.preferences.setData(undefined, (was) => (was ? { ...was, ...change } : was));
    },
    onSuccess: (saved) => utils.v1.notifications.preferences.setData(undefined, saved),
    onError: () => void utils.v1.notifications.preferences.invalidate(),
  });
  // The click shows at once: the cache follows a moment later (after the cancel), and a controlled
  // box would snap back in between.
  const [choosing, setChoosing] = useState<Partial<NotificationPreferences>>({});
  const choose = (change: Partial<NotificationPreferences>) => {
    setChoosing((was) => ({ ...was, ...change }));
    update.mutate(change, { onSettled: () => setChoosing({}) });
  };
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
              checked={choosing[kind] ?? preferences.data?.[kind] ?? true}
              onChange={(event) => choose({ [kind]: event.target.checked })}
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
