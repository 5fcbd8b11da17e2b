"use client";
import { type RefObject, useEffect } from "react";
import { useStrings } from "@/components/i18n/locale";
import { onMenuKeyDown } from "@/components/menu/menu-keys";
import { usePressOutside } from "@/components/menu/use-press-outside";
import type { AgentOutput } from "@/server/workspace/schemas";

type Props = {
  id: string;
  agents: AgentOutput[];
  upward: boolean;
  /** The button's wrapper: a press outside it closes the menu. */
  wrapper: RefObject<HTMLDivElement | null>;
  onPick: (agentId: string) => void;
  onClose: (refocus: boolean) => void;
};

/** The agents to ask, the default first; loaded when a member with several first opens it. */
export function AgentMenu({ id, agents, upward, wrapper, onPick, onClose }: Props) {
  const t = useStrings("ai");
  usePressOutside(wrapper, () => onClose(false));
  useEffect(() => {
    requestAnimationFrame(() => wrapper.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
  }, [wrapper]);
  return (
    <div
      id={id}
      role="menu"
      data-ai-menu=""
      aria-label={t.chooseAgent}
      onKeyDown={(event) => onMenuKeyDown(event, () => onClose(true))}
      className={`absolute end-0 z-30 w-64 ${upward ? "bottom-full mb-1" : "top-full mt-1"} rounded-lg border border-slate-200 bg-white p-1 text-start shadow-lg`}
    >
      <p className="px-2 py-1 text-[11px] font-medium text-slate-500">{t.chooseAgent}</p>
      {agents.map((agent) => (
        <button
          key={agent.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => onPick(agent.id)}
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
          <span className="text-xs text-slate-500">{agent.mode === "draft" ? t.draftMode : t.replyMode}</span>
        </button>
      ))}
    </div>
  );
}
