"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { trpc } from "@/client/trpc";
import { PRESET_LABEL, SNOOZE_PRESETS, snoozePresetTime } from "@/components/conversations/snooze-times";
import { useConversationLabels } from "@/components/conversations/use-conversation-labels";
import { useSnoozeAndMoveOn } from "@/components/conversations/use-snooze";
import {
  type ConversationChange,
  useUpdateConversation,
} from "@/components/conversations/use-update-conversation";
import { matchRank, useFold } from "@/components/i18n/fold";
import { format, useStrings } from "@/components/i18n/locale";
import { openConversation, useOpenConversationId } from "@/components/inbox/conversation-route";
import type { PaletteCommand, PaletteCommandsProps } from "@/components/keyboard/command-palette";
import { chordLabel, KeyCaps, useLayoutMap } from "@/components/keyboard/key-label";
import { useKeyboard } from "@/components/keyboard/keyboard-provider";
import { SHORTCUTS } from "@/components/keyboard/shortcuts";
import { steerList } from "@/components/ui/list-keys";

/** The command palette's list: every command matching the query, steered from the palette's input. */
export function PaletteCommands({
  listId,
  query,
  steering,
  enterNonce,
  onActive,
  onClose,
}: PaletteCommandsProps) {
  const extra = usePreferenceCommands();
  const t = useStrings("keyboard");
  const keyboard = useKeyboard();
  const layout = useLayoutMap();
  const [active, setActive] = useState(0);
  const platform = typeof navigator === "undefined" ? "" : navigator.platform;

  const conversationActions = useOpenConversationCommands();
  // biome-ignore lint/correctness/useExhaustiveDependencies: version changes when handlers register
  const commands = useMemo<PaletteCommand[]>(() => {
    // Only what can be done here: a command that needs something not on screen is left out.
    const fromShortcuts = SHORTCUTS.filter(
      (s) => !["palette", "escape"].includes(s.id) && keyboard.has(s.id),
    ).map((s) => ({
      id: s.id,
      label: t[s.id],
      keys: s.keys.map((chord) => chordLabel(chord, layout, platform)),
      run: () => keyboard.run(s.id),
    }));
    return [...fromShortcuts, ...conversationActions, ...extra];
  }, [t, layout, platform, keyboard, keyboard.version, extra, conversationActions]);
  const conversations = useConversationCommands(query);

  // "Reopen" lists a command named so before one that only has the word inside ("Resolve or reopen").
  const fold = useFold();
  const search = fold(query.trim());
  const ranked = commands
    .map((command) => ({ command, rank: matchRank(fold(command.label), search) }))
    .filter((entry): entry is { command: PaletteCommand; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.command);
  const matches = [...ranked, ...conversations];
  const current = matches[Math.min(active, matches.length - 1)];
  const optionId = (command: PaletteCommand) => `${listId}-${command.id}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts from the top
  useEffect(() => setActive(0), [query]);

  function choose(command: PaletteCommand | undefined) {
    if (!command?.run) return;
    onClose();
    // After the dialog gives focus back, so the command can move focus where it needs.
    setTimeout(() => command.run?.(), 0);
  }

  const latest = useRef({ matches, current, choose });
  latest.current = { matches, current, choose };
  // biome-ignore lint/correctness/useExhaustiveDependencies: an Enter typed ahead is taken again
  useEffect(() => {
    const steer = steering.current;
    steer.onKeyDown = (event) => {
      const { matches, current, choose } = latest.current;
      steerList(event, matches.length, setActive, () => choose(current));
    };
    if (steer.enterPending) {
      steer.enterPending = false;
      latest.current.choose(latest.current.current);
    }
    return () => {
      steer.onKeyDown = null;
    };
  }, [steering, enterNonce]);

  const currentId = current ? optionId(current) : undefined;
  useEffect(() => onActive(currentId), [onActive, currentId]);

  return (
    <div id={listId} role="listbox" aria-label={t.paletteTitle} className="max-h-[50vh] overflow-auto p-2">
      {matches.length === 0 ? <p className="px-3 py-2 text-sm text-slate-500">{t.paletteEmpty}</p> : null}
      {matches.map((command, index) => (
        <div
          key={command.id}
          tabIndex={-1}
          id={optionId(command)}
          role="option"
          aria-selected={command === current}
          aria-disabled={!command.run}
          onMouseEnter={() => setActive(index)}
          onClick={() => choose(command)}
          onKeyDown={() => {}}
          className={`flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ${
            command === current ? "bg-blue-50 text-blue-900" : ""
          } ${command.run ? "" : "text-slate-500"}`}
        >
          <span>{command.label}</span>
          {command.keys ? (
            <span className="flex gap-2">
              {command.keys.map((parts) => (
                <KeyCaps key={parts.join("+")} parts={parts} />
              ))}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}

const CONVERSATION_RESULTS = 5;
const SEARCH_AFTER_MS = 200;

/** "Open: <customer>" for the conversations whose customer, subject or messages match the query. */
function useConversationCommands(query: string): PaletteCommand[] {
  const t = useStrings("keyboard");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), SEARCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const found = trpc.v1.conversations.list.useQuery(
    { search, limit: CONVERSATION_RESULTS },
    { enabled: search.length >= 2, placeholderData: keepPreviousData },
  );
  if (search.length < 2 || query.trim().length < 2) return [];
  return (found.data?.items ?? []).map((item) => {
    const name = item.customer.name?.trim() || item.customer.email || t.unknownCustomer;
    return {
      id: `open-${item.id}`,
      label: format(t.openConversation, { name, subject: item.subject ?? "" }).replace(/ · $/, ""),
      run: () => openConversation(item.id),
    };
  });
}

/**
 * The open conversation's actions by name: any status, snooze until a preset, assign to any
 * member, unassign, add any label it does not have, remove any it has.
 */
function useOpenConversationCommands(): PaletteCommand[] {
  const t = useStrings("conversations");
  const id = useOpenConversationId();
  const conversation = trpc.v1.conversations.get.useQuery({ id: id ?? "" }, { enabled: id !== null });
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000 });
  const update = useUpdateConversation(id ?? "");
  const labels = trpc.v1.labels.list.useQuery(undefined, { enabled: id !== null, staleTime: 60_000 });
  const labelChanges = useConversationLabels(id ?? "");
  const data = id ? conversation.data : undefined;
  const snoozing = useSnoozeAndMoveOn(data);
  const latest = useRef({ change: update.change, labels: labelChanges, snooze: snoozing.snoozeAndMoveOn });
  latest.current = { change: update.change, labels: labelChanges, snooze: snoozing.snoozeAndMoveOn };
  return useMemo(() => {
    if (!data) return [];
    const change = (to: ConversationChange) => latest.current.change(to);
    const commands: PaletteCommand[] = [];
    if (data.status !== "pending")
      commands.push({ id: "status.pending", label: t.markPending, run: () => change({ status: "pending" }) });
    if (data.status !== "open")
      commands.push({ id: "status.open", label: t.reopen, run: () => change({ status: "open" }) });
    for (const member of members.data ?? []) {
      if (member.memberId === data.assignee?.memberId) continue;
      commands.push({
        id: `assign.${member.memberId}`,
        label: format(t.assignToName, { name: member.name }),
        run: () => change({ assigneeId: member.memberId }),
      });
    }
    if (data.assignee)
      commands.push({ id: "assign.none", label: t.unassign, run: () => change({ assigneeId: null }) });
    for (const preset of SNOOZE_PRESETS) {
      commands.push({
        id: `snooze.${preset}`,
        label: format(t.snoozeCommand, { when: t[PRESET_LABEL[preset]] }),
        run: () => latest.current.snooze(snoozePresetTime(preset)),
      });
    }
    for (const label of labels.data ?? []) {
      const on = data.labels.some((l) => l.id === label.id);
      commands.push({
        id: `label.${label.id}`,
        label: format(on ? t.removeLabelName : t.addLabelName, { name: label.name }),
        run: () => (on ? latest.current.labels.remove(label) : latest.current.labels.add(label)),
      });
    }
    return commands;
  }, [t, data, members.data, labels.data]);
}

/** The member's preferences by name: shortcuts on or off, the interface language. */
function usePreferenceCommands(): PaletteCommand[] {
  const t = useStrings("keyboard");
  const utils = trpc.useUtils();
  const me = trpc.v1.workspace.me.useQuery();
  const { mutate } = trpc.v1.workspace.updatePreferences.useMutation({
    onSuccess: () => utils.v1.workspace.me.invalidate(),
  });
  const shortcutsEnabled = me.data?.user.shortcutsEnabled ?? true;
  return useMemo(
    () => [
      {
        id: "shortcuts.toggle",
        label: shortcutsEnabled ? t.shortcutsOff : t.shortcutsOn,
        run: () => mutate({ shortcutsEnabled: !shortcutsEnabled }),
      },
      { id: "locale.en", label: t.languageEn, run: () => mutate({ locale: "en" }) },
      { id: "locale.ar", label: t.languageAr, run: () => mutate({ locale: "ar" }) },
      { id: "locale.tr", label: t.languageTr, run: () => mutate({ locale: "tr" }) },
    ],
    [t, shortcutsEnabled, mutate],
  );
}
