"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useAiAssist } from "@/components/ai/ai-assist-provider";
import { useStrings } from "@/components/i18n/locale";
import { SparkleIcon } from "@/components/messages/icons";

type Props = { messageId: string; className?: string };

/**
 * Asks an AI agent about a message: the workspace's only agent at once, or a small menu of them
 * (the default first) when there are several. `data-ai-assist` is what the keyboard shortcut clicks.
 */
export function AiAssistButton({ messageId, className }: Props) {
  const t = useStrings("ai");
  const assist = useAiAssist();
  const [open, setOpen] = useState(false);
  const [upward, setUpward] = useState(true);
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    requestAnimationFrame(() => wrapper.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);
  if (!assist || assist.agents.length === 0) return null;
  const { agents } = assist;
  const several = agents.length > 1;
  const busy = assist.starting(messageId);

  function onClick() {
    if (!assist) return;
    if (several) {
      if (!open && wrapper.current) setUpward(roomAbove(wrapper.current));
      setOpen((o) => !o);
    } else assist.start(messageId, agents[0]?.id);
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
        className={
          className ??
          "rounded-md p-1.5 text-violet-600 hover:bg-violet-50 hover:text-violet-800 aria-busy:animate-pulse"
        }
      >
        <SparkleIcon />
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          data-ai-menu=""
          aria-label={t.chooseAgent}
          onKeyDown={(event) => {
            const items = [...(wrapper.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === "Escape") {
              event.stopPropagation();
              setOpen(false);
              wrapper.current?.querySelector<HTMLElement>("[data-ai-assist]")?.focus();
            } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : items.length - 1;
              items[(at + step) % items.length]?.focus();
            }
          }}
          className={`absolute end-0 z-30 w-64 ${upward ? "bottom-full mb-1" : "top-full mt-1"} rounded-lg border border-slate-200 bg-white p-1 text-start shadow-lg`}
        >
          <p className="px-2 py-1 text-[11px] font-medium text-slate-500">{t.chooseAgent}</p>
          {agents.map((agent) => (
            <button
              key={agent.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                assist.start(messageId, agent.id);
              }}
              className="flex w-full flex-col items-start rounded-md px-2 py-1.5 text-start hover:bg-violet-50 focus:bg-violet-50 focus:outline-none"
            >
              <span className="flex items-center gap-1.5 text-sm font-medium text-slate-900">
                {agent.name}
                {agent.isDefault ? (
                  <span className="rounded bg-violet-100 px-1 text-[10px] font-semibold text-violet-800">
                    {t.defaultAgent}
                  </span>
                ) : null}
              </span>
              <span className="text-xs text-slate-500">
                {agent.mode === "draft" ? t.draftMode : t.replyMode}
              </span>
            </button>
          ))}
        </div>
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
