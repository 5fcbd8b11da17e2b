"use client";
import { useState } from "react";
import { trpc } from "@/client/trpc";
import { useStrings, useUiLocale } from "@/components/i18n/locale";
import { isUiLocale } from "@/components/i18n/ui-locale";
import { useKeyboard } from "@/components/keyboard/keyboard-provider";

/** Interface language, shortcuts on/off and the shortcuts help, always one Tab away. */
export function PreferencesMenu() {
  const t = useStrings("shell");
  const locale = useUiLocale();
  const keyboard = useKeyboard();
  const utils = trpc.useUtils();
  // Until the member's settings are read there is nothing to flip: the controls wait for them.
  const loaded = trpc.v1.workspace.me.useQuery().data !== undefined;
  type Preferences = { locale?: string | null; shortcutsEnabled?: boolean };
  const apply = (preferences: Preferences) =>
    utils.v1.workspace.me.setData(undefined, (me) =>
      me ? { ...me, user: { ...me.user, ...preferences } } : me,
    );
  // Optimistic: the checkbox and the language flip on the click; a refused change flips back.
  const update = trpc.v1.workspace.updatePreferences.useMutation({
    onMutate: async (preferences) => {
      await utils.v1.workspace.me.cancel();
      const before = utils.v1.workspace.me.getData();
      apply(preferences);
      return { before };
    },
    onError: (_error, _preferences, context) => {
      if (context?.before) utils.v1.workspace.me.setData(undefined, context.before);
    },
    onSuccess: apply,
  });
  // What the member just chose, shown from the click itself: the cache update above comes a
  // moment later (after the pending read is cancelled), and a controlled input would snap back
  // in between.
  type Choice = Parameters<typeof update.mutate>[0];
  const [choosing, setChoosing] = useState<Choice | null>(null);
  const change = (preferences: Choice) => {
    setChoosing(preferences);
    update.mutate(preferences, { onSettled: () => setChoosing(null) });
  };
  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1">
        <span className="sr-only">{t.language}</span>
        <select
          value={choosing?.locale ?? locale}
          disabled={!loaded}
          onChange={(event) => {
            if (isUiLocale(event.target.value)) change({ locale: event.target.value });
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          <option value="en" lang="en">
            English
          </option>
          <option value="ar" lang="ar">
            العربية
          </option>
          <option value="tr" lang="tr">
            Türkçe
          </option>
        </select>
      </label>
      <label className="flex items-center gap-1 text-slate-700">
        <input
          type="checkbox"
          checked={choosing?.shortcutsEnabled ?? keyboard.enabled}
          disabled={!loaded}
          onChange={(event) => change({ shortcutsEnabled: event.target.checked })}
        />
        {t.shortcuts}
      </label>
      <button
        type="button"
        onClick={() => keyboard.run("help")}
        aria-label={t.showShortcuts}
        className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
      >
        ?
      </button>
    </div>
  );
}
