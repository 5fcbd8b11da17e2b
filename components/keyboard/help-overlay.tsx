"use client";
import { useStrings } from "@/components/i18n/locale";
import { chordLabel, KeyCaps, useLayoutMap } from "@/components/keyboard/key-label";
import { SHORTCUTS, type Shortcut } from "@/components/keyboard/shortcuts";
import { Dialog } from "@/components/ui/dialog";

/** The help overlay in its dialog, loaded when first opened. */
export function HelpDialog({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <Dialog title={title} titleHidden onClose={onClose}>
      <HelpOverlay onClose={onClose} />
    </Dialog>
  );
}

const GROUPS: {
  group: Shortcut["group"];
  label: "groupNavigation" | "groupReply" | "groupConversation" | "groupGeneral";
}[] = [
  { group: "navigation", label: "groupNavigation" },
  { group: "reply", label: "groupReply" },
  { group: "conversation", label: "groupConversation" },
  { group: "general", label: "groupGeneral" },
];

/** Keys the message history handles itself, with focus on a message (components/messages/message-list.tsx). */
const HISTORY_KEYS = [
  { label: "historyArrows", keys: ["↑", "↓"] },
  { label: "historyPage", keys: ["PgUp", "PgDn"] },
  { label: "historyEnds", keys: ["Home", "End"] },
] as const;

function HelpOverlay({ onClose }: { onClose: () => void }) {
  const t = useStrings("keyboard");
  const layout = useLayoutMap();
  const platform = typeof navigator === "undefined" ? "" : navigator.platform;
  return (
    <>
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
        <h2 className="text-lg font-semibold">{t.helpTitle}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm hover:bg-slate-100">
          {t.close}
        </button>
      </div>
      <p className="px-5 pt-3 text-sm text-slate-600">{t.helpNote}</p>
      <div className="grid gap-4 px-5 py-4 sm:grid-cols-2">
        {GROUPS.map(({ group, label }) => (
          <section key={group} aria-label={t[label]}>
            <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t[label]}</h3>
            <dl className="space-y-1.5">
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => (
                <div key={shortcut.id} className="flex items-center justify-between gap-3 text-sm">
                  <dt>{t[shortcut.id]}</dt>
                  <dd className="flex shrink-0 items-center gap-1">
                    {shortcut.keys.map((chord, i) => (
                      <span key={chord.code} className="flex items-center gap-1">
                        {i > 0 ? <span className="text-xs text-slate-500">{t.sequenceThen}</span> : null}
                        <KeyCaps parts={chordLabel(chord, layout, platform)} />
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
              {group === "navigation"
                ? HISTORY_KEYS.map(({ label, keys }) => (
                    <div key={label} className="flex items-center justify-between gap-3 text-sm">
                      <dt>{t[label]}</dt>
                      <dd className="flex shrink-0 items-center gap-1">
                        <KeyCaps parts={[keys[0]]} />
                        <span className="text-xs text-slate-500">/</span>
                        <KeyCaps parts={[keys[1]]} />
                      </dd>
                    </div>
                  ))
                : null}
            </dl>
          </section>
        ))}
      </div>
    </>
  );
}
