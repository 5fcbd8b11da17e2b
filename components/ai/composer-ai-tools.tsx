"use client";
import { lazy, Suspense, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import type { TransformRequest } from "@/components/ai/transform-run";
import { useStrings } from "@/components/i18n/locale";
import { onMenuKeyDown } from "@/components/menu/menu-keys";
import { usePressOutside } from "@/components/menu/use-press-outside";
import type { Draft } from "@/components/messages/draft-storage";
import { SparkleIcon } from "@/components/messages/icons";

const loadTransformRun = () => import("@/components/ai/transform-run");
// The run and its state load with the first Translate or Rewrite (started when the tools are
// pointed at or focused); the buttons are here from the first paint.
const TransformRun = lazy(() => loadTransformRun().then((module) => ({ default: module.TransformRun })));
const preload = () => void loadTransformRun().catch(() => {});

type Props = {
  conversationId: string;
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  disabled: boolean;
  /** Puts the caret back in the composer's text. */
  focusText: () => void;
};

const toolButton =
  "flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-violet-700 hover:bg-violet-50 disabled:opacity-50";
const STYLES = ["shorter", "friendlier", "formal"] as const;

/**
 * Translate and Rewrite in the composer's toolbar, with the run's state beside them. They use the
 * workspace's default agent, so they are offered only when it can do them: none without a default
 * agent, and no Translate from the built-in one (it cannot translate).
 */
export function ComposerAiTools({ conversationId, draft, update, disabled, focusText }: Props) {
  const t = useStrings("ai");
  const agents = trpc.v1.workspace.agents.useQuery(undefined, { staleTime: 60_000 });
  const agent = agents.data?.find((a) => a.isDefault);
  const canTranslate = agent !== undefined && agent.provider !== "builtin";
  const [request, setRequest] = useState<TransformRequest | null>(null);
  const [working, setWorking] = useState(false);
  const [styles, setStyles] = useState(false);
  const [empty, setEmpty] = useState(false);
  const rewriteButton = useRef<HTMLButtonElement>(null);
  const rewrite = useRef<HTMLDivElement>(null);
  usePressOutside(rewrite, () => setStyles(false), styles);

  // The tools are disabled while a run works, which drops the focus of a keyboard user who
  // started it; when it ends, the caret goes back to the text it changed.
  function onWorking(next: boolean) {
    setWorking(next);
    if (!next && document.activeElement === document.body) focusText();
  }

  function ask(kind: TransformRequest["kind"], style?: (typeof STYLES)[number]) {
    setStyles(false);
    if (draft.text[draft.locale].trim() === "") return setEmpty(true);
    setEmpty(false);
    // The tools wait from the click, before the run's code has loaded.
    setWorking(true);
    setRequest((last) => ({ kind, style, nonce: (last?.nonce ?? 0) + 1 }));
  }

  if (!agent) return null;
  return (
    <fieldset
      aria-label={t.aiTools}
      className="contents"
      disabled={disabled || working}
      onPointerEnter={preload}
      onFocus={preload}
    >
      {canTranslate ? (
        <button type="button" className={toolButton} title={t.translateHint} onClick={() => ask("translate")}>
          <SparkleIcon className="size-3.5" />
          {t.translate}
        </button>
      ) : null}
      <div ref={rewrite} className="relative">
        <button
          type="button"
          className={toolButton}
          ref={rewriteButton}
          aria-haspopup="menu"
          aria-expanded={styles}
          onClick={() => setStyles((open) => !open)}
        >
          <SparkleIcon className="size-3.5" />
          {t.rewrite}
        </button>
        {styles ? (
          <div
            role="menu"
            aria-label={t.rewrite}
            // Closing the menu hands the focus back to its button.
            onKeyDown={(event) =>
              onMenuKeyDown(event, () => {
                setStyles(false);
                rewriteButton.current?.focus();
              })
            }
            className="absolute bottom-full start-0 z-30 mb-1 w-40 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
          >
            {STYLES.map((style) => (
              <button
                key={style}
                type="button"
                role="menuitem"
                autoFocus={style === "shorter"}
                onClick={() => ask("rewrite", style)}
                className="block w-full rounded-md px-2 py-1.5 text-start text-sm hover:bg-violet-50 focus:bg-violet-50 focus:outline-none"
              >
                {t[style]}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {empty ? (
        <span role="status" className="text-xs text-slate-500">
          {t.writeFirst}
        </span>
      ) : null}
      {request ? (
        <Suspense fallback={null}>
          <TransformRun
            conversationId={conversationId}
            draft={draft}
            update={update}
            request={request}
            onWorking={onWorking}
          />
        </Suspense>
      ) : null}
    </fieldset>
  );
}
