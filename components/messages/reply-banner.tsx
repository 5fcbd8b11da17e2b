"use client";
import { format, useStrings } from "@/components/i18n/locale";
import type { ReplyTarget } from "@/components/messages/draft-storage";
import { CloseIcon, ReplyIcon } from "@/components/messages/icons";

export function ReplyBanner({ target, onCancel }: { target: ReplyTarget; onCancel: () => void }) {
  const t = useStrings("messages");
  return (
    <div
      data-reply-target={target.id}
      className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 text-xs"
    >
      <ReplyIcon className="mt-0.5 size-3.5 shrink-0 text-slate-500" />
      <div className="min-w-0 flex-1 border-s-2 border-slate-400 ps-2">
        <p className="font-medium text-slate-700">{format(t.replyingTo, { name: target.senderName })}</p>
        <p dir="auto" className="line-clamp-2 break-words text-slate-500">
          {target.excerpt}
        </p>
      </div>
      <button
        type="button"
        aria-label={t.cancelReply}
        onClick={onCancel}
        className="rounded p-1 text-slate-500 hover:bg-slate-100"
      >
        <CloseIcon className="size-3.5" />
      </button>
    </div>
  );
}
