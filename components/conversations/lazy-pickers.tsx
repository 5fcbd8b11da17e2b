"use client";
import { type ComponentProps, lazy, Suspense } from "react";

// The pickers' code is not in the inbox's first load: it loads when the browser is idle after a
// conversation opens (preloadPickers), or at once on first use, whichever comes first.
const labelPicker = () => import("@/components/conversations/label-picker");
const snoozePicker = () => import("@/components/conversations/snooze-picker");

/** Fetches the pickers' code while nothing else is going on, so L and S open them without a wait. */
export function preloadPickers(): () => void {
  const load = () => void Promise.all([labelPicker(), snoozePicker()]).catch(() => {});
  if (typeof window.requestIdleCallback !== "function") {
    const timer = setTimeout(load, 1_000);
    return () => clearTimeout(timer);
  }
  const handle = window.requestIdleCallback(load, { timeout: 3_000 });
  return () => window.cancelIdleCallback(handle);
}

const Picker = lazy(() => labelPicker().then((module) => ({ default: module.LabelPicker })));
const SnoozePicker = lazy(() => snoozePicker().then((module) => ({ default: module.SnoozePicker })));
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
