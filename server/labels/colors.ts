// The labels' palette. A label stores the colour's name, never CSS: the product decides how each
// looks. Each pair is a light background with dark text, at least 7:1 contrast (WCAG AAA), so a
// label's name is readable whatever colour it has. Imported by the browser too.

export const LABEL_COLORS = {
  gray: { background: "#f1f5f9", text: "#1e293b" },
  red: { background: "#fee2e2", text: "#7f1d1d" },
  orange: { background: "#ffedd5", text: "#7c2d12" },
  amber: { background: "#fef3c7", text: "#78350f" },
  green: { background: "#dcfce7", text: "#14532d" },
  teal: { background: "#ccfbf1", text: "#134e4a" },
  blue: { background: "#dbeafe", text: "#1e40af" },
  indigo: { background: "#e0e7ff", text: "#3730a3" },
  purple: { background: "#f3e8ff", text: "#6b21a8" },
  pink: { background: "#fce7f3", text: "#831843" },
} as const satisfies Record<string, { background: string; text: string }>;

export type LabelColor = keyof typeof LABEL_COLORS;
export const LABEL_COLOR_NAMES = Object.keys(LABEL_COLORS) as [LabelColor, ...LabelColor[]];

export function isLabelColor(name: string): name is LabelColor {
  return Object.hasOwn(LABEL_COLORS, name);
}

/** The palette's name for a stored colour; one the palette no longer has shows as gray. */
export function paletteName(name: string): LabelColor {
  return isLabelColor(name) ? name : "gray";
}

export function labelColor(name: string): (typeof LABEL_COLORS)[LabelColor] {
  return LABEL_COLORS[paletteName(name)];
}
