"use client";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  lazy,
  type RefObject,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { trpc } from "@/client/trpc";
import { ComposerAiTools } from "@/components/ai/composer-ai-tools";
import { format, useStrings, useUiLocale } from "@/components/i18n/locale";
import { ComposerToolbar } from "@/components/messages/composer-toolbar";
import { type Draft, newIdempotencyKey } from "@/components/messages/draft-storage";
import { DraftTextarea } from "@/components/messages/draft-textarea";
import { useLanguageNames } from "@/components/messages/locale-choice";
import { LocaleTabs } from "@/components/messages/locale-tabs";
import { scriptMismatch } from "@/components/messages/script-hint";
import { isReusedKey, serverMessage } from "@/components/messages/send-error";
import { unfilledVariables } from "@/components/messages/template-variables";
import {
  focusComposer,
  isEmptyNote,
  useComposerShortcuts,
} from "@/components/messages/use-composer-shortcuts";
import { useTemplatePicker } from "@/components/messages/use-template-picker";
import type { useUploads } from "@/components/messages/use-uploads";
import { MENTION_LISTBOX_ID, useMentionTrigger } from "@/components/notifications/use-mention-picker";
import { ComposerPresence } from "@/components/presence/composer-presence";
import { useCollision } from "@/components/presence/use-collision";
import { useTypingSignal } from "@/components/presence/use-presence";
import { LOCALES, type Locale } from "@/server/connect/locales";

// Shown only after an action (typing /, attaching a file), so they load then; keys stay with the textarea.
const TemplatePicker = lazy(() =>
  import("@/components/messages/template-picker").then((module) => ({ default: module.TemplatePicker })),
);
// Shown only while replying to one message.
const ReplyBanner = lazy(() =>
  import("@/components/messages/reply-banner").then((module) => ({ default: module.ReplyBanner })),
);
// Shown once `@` is typed in a note.
const MentionList = lazy(() =>
  import("@/components/notifications/mention-list").then((module) => ({ default: module.MentionList })),
);
// Asked only when a colleague's reply arrived while the member was writing one.
const CollisionConfirm = lazy(() =>
  import("@/components/presence/collision-confirm").then((module) => ({ default: module.CollisionConfirm })),
);
const AttachmentTray = lazy(() =>
  import("@/components/messages/attachment-tray").then((module) => ({ default: module.AttachmentTray })),
);

type Props = {
  conversationId: string;
  draft: Draft;
  update: (change: (draft: Draft) => Draft) => void;
  reset: () => void;
  uploads: ReturnType<typeof useUploads>;
  send: (draft: Draft) => Promise<unknown>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
};

type Problem = { text: string; retry: boolean };

export function Composer({ conversationId, draft, update, reset, uploads, send, textareaRef }: Props) {
  const t = useStrings("messages");
  const picker = useTemplatePicker();
  const languageName = useLanguageNames();
  const uiLocale = useUiLocale();
  const listFormat = useMemo(() => new Intl.ListFormat(uiLocale, { type: "conjunction" }), [uiLocale]);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [shortcut, setShortcut] = useState("Ctrl+Enter");
  const fileInput = useRef<HTMLInputElement>(null);
  // The member's choice (Settings → Your account): Enter sends, or Enter is a new line.
  const me = trpc.v1.workspace.me.useQuery();
  const enterSends = me.data?.user.enterSends ?? false;
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setShortcut("⌘+Enter");
  }, []);

  const hasText = Object.fromEntries(LOCALES.map((l) => [l, draft.text[l].trim() !== ""])) as Record<
    Locale,
    boolean
  >;
  const unfilledIn = unfilledVariables(draft.text);
  const mismatch = scriptMismatch(draft.locale, draft.text[draft.locale]);
  const conversation = trpc.v1.conversations.get.useQuery({ id: conversationId });
  const assignee = conversation.data?.assignee;
  // A colleague's conversation: said before the reply goes, never in its way. Notes are for the team.
  const colleague = assignee && me.data && assignee.memberId !== me.data.memberId && !draft.internal;
  const unfilled = unfilledIn.map((u) => u.placeholder);
  const mention = useMentionTrigger(draft.internal);
  const signalTyping = useTypingSignal(conversationId);
  const writingReply = !draft.internal && LOCALES.some((l) => hasText[l]);
  const { collision, confirm: confirmCollision } = useCollision(conversationId, writingReply);
  const [askingCollision, setAskingCollision] = useState(false);

  async function submit(anyway = false) {
    if (sending) return;
    const empty = !LOCALES.some((l) => hasText[l]) && draft.attachments.length === 0;
    if (empty) return setProblem({ text: t.emptyDraft, retry: false });
    if (uploads.uploading) return setProblem({ text: t.uploadsPending, retry: false });
    if (unfilled.length > 0)
      return setProblem({
        text: format(t.unfilled, {
          placeholders: unfilledIn
            .map((u) =>
              format(t.unfilledIn, {
                placeholder: u.placeholder,
                tabs: listFormat.format(u.locales.map(languageName)),
              }),
            )
            .join("; "),
        }),
        retry: false,
      });
    // A colleague answered while this reply was being written: asked once before it goes.
    if (collision && !collision.confirmed && !draft.internal && !anyway) return setAskingCollision(true);
    setAskingCollision(false);
    setSending(true);
    setProblem(null);
    const typing = document.activeElement === textareaRef.current;
    try {
      await send(draft);
      reset();
      signalTyping(draft.internal, false);
      // The reset may switch the locale tab, which remounts the textarea: keep the member in it.
      if (typing) focusComposer(textareaRef);
    } catch (error) {
      if (isReusedKey(error)) {
        // The first try was stored but its answer lost, and the draft changed since: this text is
        // a new message, under a new key. The stored one arrives in the history by itself.
        update((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
        setProblem({ text: t.sentEarlierVersion, retry: true });
        return;
      }
      setProblem({
        text: format(t.sendFailed, { error: serverMessage(error) ?? t.networkFailed }),
        retry: true,
      });
    } finally {
      setSending(false);
    }
  }

  useComposerShortcuts({
    draft,
    update,
    textarea: textareaRef,
    fileInput,
    submit: () => void submit(),
    openTemplates: picker.openFromButton,
  });

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mention.onKeyDown(event)) return;
    if (picker.onKeyDown(event)) return;
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const plainEnter = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.ctrlKey || event.metaKey || (enterSends && plainEnter)) {
      event.preventDefault();
      void submit();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    if (!event.clipboardData.types.includes("text/plain")) event.preventDefault();
    uploads.add(files);
  }

  function setText(text: string) {
    picker.onTextChange(draft.text[draft.locale], text);
    mention.onTextChange(text, textareaRef.current?.selectionStart ?? text.length);
    setProblem(null);
    signalTyping(draft.internal, text.trim() !== "");
    update((d) => ({ ...d, text: { ...d.text, [d.locale]: text } }));
  }

  function selectPlaceholder(placeholder: string) {
    const textarea = textareaRef.current;
    const start = draft.text[draft.locale].indexOf(placeholder);
    if (!textarea || start < 0) return;
    textarea.focus();
    textarea.setSelectionRange(start, start + placeholder.length);
  }

  return (
    <form
      aria-label={t.composer}
      data-internal={draft.internal ? "" : undefined}
      onKeyDown={(event) => {
        // Escape leaves the composer (use-pane-shortcuts); an empty note ends there, so R is a reply again.
        if (event.key === "Escape" && !event.defaultPrevented && isEmptyNote(draft))
          update((d) => ({ ...d, internal: false }));
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className={`relative m-3 mt-0 rounded-xl border shadow-sm ${draft.internal ? "border-amber-300 bg-amber-50" : "border-slate-300 bg-white"}`}
    >
      {picker.open ? (
        <Suspense fallback={null}>
          <TemplatePicker
            picker={picker}
            conversationId={conversationId}
            previewLocale={draft.locale}
            update={update}
          />
        </Suspense>
      ) : null}
      {colleague ? (
        <p
          data-assigned-elsewhere=""
          className="mx-3 mt-2 rounded-md bg-sky-50 px-3 py-1.5 text-xs text-sky-900"
        >
          {format(t.assignedToOther, { name: assignee.name })}
        </p>
      ) : null}
      <ComposerPresence collision={collision} />
      {askingCollision && collision ? (
        <Suspense fallback={null}>
          <CollisionConfirm
            memberId={collision.memberId}
            onSend={() => {
              confirmCollision();
              void submit(true);
            }}
            onReview={() => {
              confirmCollision();
              setAskingCollision(false);
              focusComposer(textareaRef);
            }}
          />
        </Suspense>
      ) : null}
      {draft.replyTo ? (
        <Suspense fallback={null}>
          <ReplyBanner target={draft.replyTo} onCancel={() => update((d) => ({ ...d, replyTo: null }))} />
        </Suspense>
      ) : null}
      <div className="flex items-center justify-between gap-2 px-3 pt-2">
        <LocaleTabs
          active={draft.locale}
          hasText={hasText}
          onSelect={(locale) => update((d) => ({ ...d, locale }))}
        />
        {picker.source === "button" ? (
          <input
            type="search"
            autoFocus
            aria-label={t.templateSearch}
            placeholder={t.templateSearch}
            value={picker.query}
            onChange={(event) => picker.setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter and Escape close the picker and take this field away: the member goes on in the draft.
              // Not while an Enter waits for the list: it takes the field away when it inserts.
              const took = picker.onKeyDown(event) && picker.waiting.current.length === 0;
              if (took && (event.key === "Enter" || event.key === "Escape")) {
                focusComposer(textareaRef);
              }
            }}
            onBlur={picker.close}
            role="combobox"
            aria-expanded="true"
            aria-controls="composer-templates"
            aria-activedescendant={picker.activeOptionId}
            className="w-44 rounded-md border border-slate-300 px-2 py-1 text-xs"
          />
        ) : null}
      </div>
      {mention.open && mention.trigger ? (
        <Suspense fallback={null}>
          <MentionList
            trigger={mention.trigger}
            text={draft.text[draft.locale]}
            textarea={textareaRef}
            keys={mention.keys}
            setText={(text) => {
              mention.close();
              update((d) => ({ ...d, text: { ...d.text, [d.locale]: text } }));
            }}
            onActive={mention.setActiveOptionId}
            onDismiss={mention.dismiss}
          />
        </Suspense>
      ) : null}
      <div id="composer-panel" role="tabpanel" aria-labelledby={`composer-tab-${draft.locale}`}>
        <DraftTextarea
          key={draft.locale}
          ref={textareaRef}
          locale={draft.locale}
          value={draft.text[draft.locale]}
          label={format(t.messageIn, { language: languageName(draft.locale) })}
          placeholder={draft.internal ? t.notePlaceholder : t.placeholder}
          readOnly={sending}
          internal={draft.internal}
          pickerOpen={picker.source === "slash" || mention.open}
          controls={mention.open ? MENTION_LISTBOX_ID : undefined}
          activeOptionId={mention.open ? mention.activeOptionId : picker.activeOptionId}
          describedBy={mismatch ? "composer-script-hint" : undefined}
          onChange={setText}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        {mismatch ? (
          <p
            id="composer-script-hint"
            role="status"
            data-script-hint={mismatch}
            className="mx-3 mb-1 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900"
          >
            {format(t[mismatch], { tab: languageName(draft.locale) })}
          </p>
        ) : null}
      </div>
      {draft.attachments.length > 0 || uploads.items.length > 0 ? (
        <Suspense fallback={null}>
          <AttachmentTray
            attachments={draft.attachments}
            uploads={uploads.items}
            onRemove={(id) =>
              update((d) => ({ ...d, attachments: d.attachments.filter((a) => a.id !== id) }))
            }
            onDismiss={uploads.dismiss}
          />
        </Suspense>
      ) : null}
      {problem ? (
        <div
          role="alert"
          className="mx-3 mt-2 flex items-center gap-3 rounded-md bg-red-50 px-3 py-2 text-xs text-red-800"
        >
          <span className="min-w-0 flex-1 break-words">{problem.text}</span>
          {problem.retry ? (
            <button
              type="submit"
              className="shrink-0 rounded border border-red-300 bg-white px-2 py-1 font-medium hover:bg-red-100"
            >
              {t.retry}
            </button>
          ) : null}
        </div>
      ) : null}
      <ComposerToolbar
        draft={draft}
        update={update}
        sending={sending}
        shortcut={enterSends ? "Enter" : shortcut}
        unfilled={unfilled}
        locales={LOCALES.filter((l) => hasText[l])}
        fileInput={fileInput}
        onFiles={uploads.add}
        onTemplates={picker.openFromButton}
        onSelectPlaceholder={selectPlaceholder}
        tools={
          <ComposerAiTools
            conversationId={conversationId}
            draft={draft}
            update={update}
            disabled={sending}
            focusText={() => focusComposer(textareaRef)}
          />
        }
      />
    </form>
  );
}
