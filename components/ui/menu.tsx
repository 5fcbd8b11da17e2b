"use client";
import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";
import { useUiLocale } from "@/components/i18n/locale";
import { directionOf } from "@/components/i18n/ui-locale";
import { buttonClass } from "@/components/ui/button";

export type MenuItem = {
  label: string;
  onSelect: () => void;
  tone?: "danger";
  disabled?: boolean;
};

/**
 * A menu button on Radix's: arrow keys move (mirrored in Arabic), typeahead jumps, Escape and
 * a press outside close it, and focus returns to the button.
 */
export function Menu({
  label,
  trigger,
  items,
}: {
  /** The button's accessible name, e.g. "Actions for Ada". */
  label: string;
  trigger: ReactNode;
  items: readonly MenuItem[];
}) {
  const dir = directionOf(useUiLocale());
  return (
    <RadixMenu.Root dir={dir} modal={false}>
      <RadixMenu.Trigger aria-label={label} className={buttonClass({ size: "sm" })}>
        {trigger}
      </RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          {items.map((item) => (
            <RadixMenu.Item
              key={item.label}
              disabled={item.disabled}
              onSelect={item.onSelect}
              className={`cursor-default rounded px-2 py-1.5 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 ${
                item.tone === "danger" ? "text-red-800" : ""
              }`}
            >
              {item.label}
            </RadixMenu.Item>
          ))}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
