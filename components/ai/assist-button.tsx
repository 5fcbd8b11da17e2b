"use client";
import { lazy, Suspense, useCallback, useId, useRef, useState } from "react";
import { useAiAssist } from "@/components/ai/ai-assist-provider";
import { useStrings } from "@/components/i18n/locale";
import { SparkleIcon } from "@/components/messages/icons";
import type { AgentOutput } from "@/server/workspace/schemas";

const loadAgentMenu = () => import("@/components/ai/agent-menu");
// Only a member of a workspace with several agents opens it; it starts loading when the button is
// pointed at or focused.
const AgentMenu = lazy(() => loadAgentMenu().then((module) => ({ default: module.AgentMenu })));
// Asked only before a reply-mode agent answers the customer.
const AssistConfirm = lazy(() =>
  import("@/components/ai/assist-confirm").then((module) => ({ default: module.AssistConfirm })),
);

type Props = { messageId: string; className?: string };

/**
 * Asks an AI agent about a customer's message: the workspace's only agent, or one from a small
 * menu of them (the default first) when there are several. A draft-mode agent starts at once; a
 * reply-mode one answers the customer directly, so it waits for a confirmation (or is asked for a
 * draft instead). `data-ai-assist` is what the keyboard shortcut clicks.
 */
export function AiAssistButton({ messageId, className }: Props) {
  const t = useStrings("ai");
  const assist = useAiAssist();
  const [open, setOpen] = useState(false);
  const [upward, setUpward] = useState(true);
  const [confirming, setConfirming] = useState<AgentOutput | null>(null);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) wrapper.current?.querySelector<HTMLElement>("[data-ai-assist]")?.focus();
  }, []);
  if (!assist || assist.agents.length === 0) return null;
  const { agents } = assist;
  const several = agents.length > 1;
  const busy = assist.starting(messageId);
  const preload = several ? () => void loadAgentMenu().catch(() => {}) : undefined;

  function choose(agent: AgentOutput | undefined) {
    if (!assist || !agent) return;
    if (agent.mode === "reply") setConfirming(agent);
    else assist.start(messageId, agent.id);
  }

  function onClick() {
    if (several) {
      if (!open && wrapper.current) setUpward(roomAbove(wrapper.current));
      setOpen((o) => !o);
    } else choose(agents[0]);
  }

  function answer(kind: "reply" | "draft" | null) {
    const agent = confirming;
    setConfirming(null);
    if (agent && kind) assist?.start(messageId, agent.id, kind);
    // Asked from the agent menu, the focus was on an item that is gone: back to the button.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body)
        wrapper.current?.querySelector<HTMLElement>("[data-ai-assist]")?.focus();
    });
  }

  return (
    <div ref={wrapper} className="relative">
      <button
        type="button"
        data-ai-assist={messageId}
        aria-label={t.assist}
        title={several ? t.assist : `${t.assist} · ${agents[0]?.name ?? ""}`}
        aria-haspopup={several ? "menu" : undefined}
        aria-expanded={several ? open : undefined}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={onClick}
        onPointerEnter={preload}
        onFocus={preload}
        className={
          className ??
          "rounded-md p-1.5 text-violet-600 hover:bg-violet-50 hover:text-violet-800 aria-busy:animate-pulse"
        }
      >
        <SparkleIcon />
      </button>
      {open ? (
        <Suspense fallback={null}>
          <AgentMenu
            id={menuId}
            agents={agents}
            upward={upward}
            wrapper={wrapper}
            onPick={(agentId) => {
              setOpen(false);
              choose(agents.find((agent) => agent.id === agentId));
            }}
            onClose={close}
          />
        </Suspense>
      ) : null}
      {confirming ? (
        <Suspense fallback={null}>
          <AssistConfirm
            agentName={confirming.name}
            onSend={() => answer("reply")}
            onDraft={() => answer("draft")}
            onClose={() => answer(null)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

/** Whether the menu fits better above the button than below it, inside the scrolling list that clips it. */
function roomAbove(element: HTMLElement): boolean {
  let container = element.parentElement;
  while (container && getComputedStyle(container).overflowY === "visible")
    container = container.parentElement;
  const box = element.getBoundingClientRect();
  const bounds = container?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  return box.top - bounds.top > bounds.bottom - box.bottom;
}
