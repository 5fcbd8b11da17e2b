"use client";
import { format, useStrings } from "@/components/i18n/locale";
import { pickLocale, presentLocales } from "@/components/messages/content-locales";
import { useLanguageNames, useLocaleChoice } from "@/components/messages/locale-choice";
import { INTERNAL_FLAG } from "@/components/messages/message-kind";
import { MessageText } from "@/components/messages/message-text";
import type { MessageOutput } from "@/server/connect/schemas";

/** The message in the viewer's locale when it has it, with a switch to its other locales. */
type Props = {
  message: Pick<MessageOutput, "id" | "content"> & Partial<Pick<MessageOutput, "flags">>;
  /** System lines show the viewer's locale only: a switch under each would be noise. */
  switchable?: boolean;
};

export function MessageContent({ message, switchable = true }: Props) {
  const t = useStrings("messages");
  const languageName = useLanguageNames();
  const { preferred, chosen, choose } = useLocaleChoice();
  const present = presentLocales(message.content);
  const picked = chosen[message.id];
  const locale = picked && present.includes(picked) ? picked : pickLocale(message.content, preferred);
  if (!locale) return null;
  return (
    <div className="min-w-0">
      <MessageText
        value={message.content[locale]}
        locale={locale}
        note={message.flags?.includes(INTERNAL_FLAG) ?? false}
      />
      {switchable && present.length > 1 ? (
        <fieldset className="mt-1 flex gap-1" aria-label={t.messageLanguages}>
          {present.map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              aria-pressed={option === locale}
              aria-label={format(t.showIn, { language: languageName(option) })}
              onClick={() => choose(message.id, option)}
              className="rounded px-1.5 py-0.5 font-mono text-[10px] uppercase tracking-wide text-slate-500 hover:bg-black/5 aria-pressed:bg-black/10 aria-pressed:text-slate-900"
            >
              {option}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
