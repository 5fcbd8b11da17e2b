"use client";
import { lazy, Suspense, useMemo, useState } from "react";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { CommandPalette, type PaletteCommand } from "@/components/keyboard/command-palette";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { useContextCommands } from "@/components/keyboard/palette-context";
import { Dialog } from "@/components/ui/dialog";

// Loaded when first opened; the dialog around it opens at once and takes Escape meanwhile.
const HelpOverlay = lazy(() =>
  import("@/components/keyboard/help-overlay").then((module) => ({ default: module.HelpOverlay })),
);

/** The help overlay (?), the command palette (Ctrl/⌘+K) and the member's keyboard preferences. */
export function KeyboardLayer() {
  const t = useStrings("keyboard");
  const [open, setOpen] = useState<"help" | "palette" | null>(null);
  const utils = trpc.useUtils();
  const me = trpc.v1.workspace.me.useQuery();
  const preferences = trpc.v1.workspace.updatePreferences.useMutation({
    onSuccess: () => utils.v1.workspace.me.invalidate(),
  });
  useShortcut("help", () => {
    setOpen("help");
    return true;
  });
  useShortcut("palette", () => {
    setOpen((current) => (current === "palette" ? null : "palette"));
    return true;
  });
  const shortcutsEnabled = me.data?.user.shortcutsEnabled ?? true;
  const contextCommands = useContextCommands();
  const extra = useMemo<PaletteCommand[]>(
    () => [
      ...contextCommands,
      {
        id: "shortcuts.toggle",
        label: shortcutsEnabled ? t.shortcutsOff : t.shortcutsOn,
        run: () => preferences.mutate({ shortcutsEnabled: !shortcutsEnabled }),
      },
      { id: "locale.en", label: t.languageEn, run: () => preferences.mutate({ locale: "en" }) },
      { id: "locale.ar", label: t.languageAr, run: () => preferences.mutate({ locale: "ar" }) },
      { id: "locale.tr", label: t.languageTr, run: () => preferences.mutate({ locale: "tr" }) },
    ],
    [t, shortcutsEnabled, preferences.mutate, contextCommands],
  );
  if (open === "help")
    return (
      <Dialog title={t.helpTitle} titleHidden onClose={() => setOpen(null)}>
        <Suspense fallback={null}>
          <HelpOverlay onClose={() => setOpen(null)} />
        </Suspense>
      </Dialog>
    );
  if (open === "palette") return <CommandPalette extra={extra} onClose={() => setOpen(null)} />;
  return null;
}
