"use client";
import { type ComponentProps, lazy, Suspense, useEffect } from "react";
import { useStrings } from "@/components/i18n/locale";
import { onFirstUse } from "@/components/lists/on-first-use";
import { Dialog } from "@/components/ui/dialog";
import { forgetTypedAhead, typeAhead } from "@/components/ui/typed-ahead";

// The pickers' code is not in the inbox's first load: it loads with the member's first key or
// click in the inbox (preloadPickers), or at once on first use, whichever comes first.
const labelPicker = () => import("@/components/conversations/label-picker");
const snoozePicker = () => import("@/components/conversations/snooze-picker");
const assignPicker = () => import("@/components/conversations/assign-picker");

/**
 * Fetches the pickers' code with the member's first key, click, wheel or touch in the inbox, long
 * before L, S or A is usually pressed, and never while the page first loads. Keys typed while a
 * picker's code still loads go into its stand-in (OnItsWay), never to the page.
 */
const pickersCode = onFirstUse(() => Promise.all([labelPicker(), snoozePicker(), assignPicker()]));

export function preloadPickers(): void {
  pickersCode.listen();
}

/**
 * The picker's dialog while its code is still on its way (the first time, on a slow connection):
 * focus is in it at once, so the keys typed meanwhile are text, never shortcuts (L then "returns"
 * must not resolve, reply or snooze), and a picker with a search field starts with that text.
 */
function OnItsWay({ title, onClose, keepsText }: { title: string; onClose: () => void; keepsText: boolean }) {
  const t = useStrings("conversations");
  useEffect(() => forgetTypedAhead(), []);
  return (
    <Dialog
      title={title}
      onClose={() => {
        forgetTypedAhead();
        onClose();
      }}
    >
      <input
        type="text"
        aria-label={t.pickerOnItsWay}
        aria-busy="true"
        placeholder={t.pickerOnItsWay}
        onChange={(event) => {
          if (keepsText) typeAhead(event.target.value);
        }}
        dir="auto"
        className="mt-3 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm placeholder:text-slate-500 focus:border-blue-600"
      />
    </Dialog>
  );
}

const Picker = lazy(() => labelPicker().then((module) => ({ default: module.LabelPicker })));
const SnoozePicker = lazy(() => snoozePicker().then((module) => ({ default: module.SnoozePicker })));
const AssignPicker = lazy(() => assignPicker().then((module) => ({ default: module.AssignPicker })));
const ConversationPicker = lazy(() =>
  labelPicker().then((module) => ({ default: module.ConversationLabelPicker })),
);

export function LazyLabelPicker(props: ComponentProps<typeof Picker>) {
  return (
    <Suspense fallback={<OnItsWay title={props.title} onClose={props.onClose} keepsText />}>
      <Picker {...props} />
    </Suspense>
  );
}

export function LazyConversationLabelPicker(props: ComponentProps<typeof ConversationPicker>) {
  const t = useStrings("conversations");
  return (
    <Suspense fallback={<OnItsWay title={t.labelPickerTitle} onClose={props.onClose} keepsText />}>
      <ConversationPicker {...props} />
    </Suspense>
  );
}

export function LazySnoozePicker(props: ComponentProps<typeof SnoozePicker>) {
  const t = useStrings("conversations");
  return (
    <Suspense fallback={<OnItsWay title={t.snoozeTitle} onClose={props.onClose} keepsText={false} />}>
      <SnoozePicker {...props} />
    </Suspense>
  );
}

export function LazyAssignPicker(props: ComponentProps<typeof AssignPicker>) {
  const t = useStrings("presence");
  return (
    <Suspense fallback={<OnItsWay title={t.assignTitle} onClose={props.onClose} keepsText />}>
      <AssignPicker {...props} />
    </Suspense>
  );
}
