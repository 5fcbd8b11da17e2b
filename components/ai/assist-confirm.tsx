"use client";
import { useRef } from "react";
import { format, useStrings } from "@/components/i18n/locale";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

type Props = {
  agentName: string;
  onSend: () => void;
  onDraft: () => void;
  onClose: () => void;
};

/**
 * The one step between asking a reply-mode agent from the inbox and its answer reaching the
 * customer: Send is focused, so Shift+A then Enter sends; Escape asks nothing.
 */
export function AssistConfirm({ agentName, onSend, onDraft, onClose }: Props) {
  const t = useStrings("ai");
  const send = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={format(t.confirmTitle, { agent: agentName })}
      description={format(t.confirmBody, { agent: agentName })}
      initialFocus={send}
      onClose={onClose}
    >
      <div data-ai-confirm="" className="mt-5 flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>{t.cancel}</Button>
        <Button onClick={onDraft}>{t.draftInstead}</Button>
        <Button ref={send} variant="primary" onClick={onSend}>
          {t.confirmSend}
        </Button>
      </div>
    </Dialog>
  );
}
