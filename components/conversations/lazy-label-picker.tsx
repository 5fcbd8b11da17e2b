"use client";
import { type ComponentProps, lazy, Suspense } from "react";

// The picker's code loads when it first opens: the inbox's first load does without it.
const Picker = lazy(() =>
  import("@/components/conversations/label-picker").then((module) => ({ default: module.LabelPicker })),
);
const ConversationPicker = lazy(() =>
  import("@/components/conversations/label-picker").then((module) => ({
    default: module.ConversationLabelPicker,
  })),
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
