"use client";
import { type ComponentProps, lazy, Suspense } from "react";

// The pickers' code is not in the inbox's first load: it loads with the member's first key or
// click in the inbox (preloadPickers), or at once on first use, whichever comes first.
const labelPicker = () => import("@/components/conversations/label-picker");
const snoozePicker = () => import("@/components/conversations/snooze-picker");
const assignPicker = () => import("@/components/conversations/assign-picker");

/**
 * Fetches the pickers' code on the first key press or click, long before L, S or A is usually
 * pressed (keys typed while a picker's code still loads would fall through to the page), and
 * never while the page first loads.
 */
export function preloadPickers(): () => void {
  const events = ["keydown", "pointerdown"] as const;
  const stop = () => {
    for (const type of events) window.removeEventListener(type, load, true);
  };
  function load() {
    stop();
    void Promise.all([labelPicker(), snoozePicker(), assignPicker()]).catch(() => {});
  }
  for (const type of events) window.addEventListener(type, load, true);
  return stop;
}

const Picker = lazy(() => labelPicker().then((module) => ({ default: module.LabelPicker })));
const SnoozePicker = lazy(() => snoozePicker().then((module) => ({ default: module.SnoozePicker })));
const AssignPicker = lazy(() => assignPicker().then((module) => ({ default: module.AssignPicker })));
const ConversationPicker = lazy(() =>
  labelPicker().then((module) => ({ default: module.ConversationLabelPicker })),
);

export function LazyLabelPicker(props: ComponentProps<typeof Picker>) {
  return (
    <Suspense fallback={null}>
      <Picker {...props} />
    </Suspense>
  );
}

export function LazyConversationLabelPicker(props: ComponentProps<typeof ConversationPicker>) {
  return (
    <Suspense fallback={null}>
      <ConversationPicker {...props} />
    </Suspense>
  );
}

export function LazySnoozePicker(props: ComponentProps<typeof SnoozePicker>) {
  return (
    <Suspense fallback={null}>
      <SnoozePicker {...props} />
    </Suspense>
  );
}

export function LazyAssignPicker(props: ComponentProps<typeof AssignPicker>) {
  return (
    <Suspense fallback={null}>
      <AssignPicker {...props} />
    </Suspense>
  );
}
