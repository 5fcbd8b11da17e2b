"use client";
import { format, useStrings } from "@/components/i18n/locale";
import { pickLocale, plainText } from "@/components/messages/content-locales";
import { useLocaleChoice } from "@/components/messages/locale-choice";
import { useSenderName } from "@/components/messages/use-sender-name";
import type { MessageOutput } from "@/server/connect/schemas";

type Props = { parentId: string; parent: MessageOutput | undefined; onJumpTo: (messageId: string) => void };

/** The compact quote of what a reply answers; it takes the agent to that message. */
export function ParentQuote({ parentId, parent, onJumpTo }: Props) {
  const t = useStrings("messages");
  const senderName = useSenderName();
  const { preferred } = useLocaleChoice();
  const name = parent ? senderName(parent) : "";
  const locale = parent ? pickLocale(parent.content, preferred) : null;
  const excerpt = parent && locale ? plainText(parent.content[locale]) : "";
  return (
    <button
      type="button"
      data-parent-quote={parentId}
      onClick={() => onJumpTo(parentId)}
      aria-label={parent ? format(t.quoteOf, { name }) : t.earlierMessage}
      className="mb-1.5 block w-full max-w-full rounded border-s-2 border-slate-400 bg-black/5 px-2 py-1 text-start text-xs text-slate-600 hover:bg-black/10"
    >
      {parent ? (
        <>
          <span className="block font-medium text-slate-700">{name}</span>
          <span lang={locale ?? undefined} dir="auto" className="line-clamp-2 block break-words">
            {excerpt || parent.attachments[0]?.fileName}
          </span>
        </>
      ) : (
        <span className="italic">{t.earlierMessage}</span>
      )}
    </button>
  );
}
