import { labelColor } from "@/server/labels/colors";

/** A label as it looks everywhere: its colour's background and text (at least 7:1), its name. */
export function LabelChip({ name, color, size = "md" }: { name: string; color: string; size?: "sm" | "md" }) {
  const { background, text } = labelColor(color);
  return (
    <span
      dir="auto"
      className={`inline-block max-w-full truncate rounded-full font-medium ${
        size === "sm" ? "px-1.5 text-xs leading-4" : "px-2.5 py-0.5 text-sm"
      }`}
      style={{ background, color: text }}
    >
      {name}
    </span>
  );
}

/** A conversation's labels, as a list a screen reader names. */
export function LabelChips({
  labels,
  label,
  size,
}: {
  labels: readonly { id: string; name: string; color: string }[];
  /** The list's accessible name ("Labels"). */
  label: string;
  size?: "sm" | "md";
}) {
  if (labels.length === 0) return null;
  return (
    <ul aria-label={label} className="flex min-w-0 flex-wrap gap-1">
      {labels.map((l) => (
        <li key={l.id} className="min-w-0">
          <LabelChip name={l.name} color={l.color} size={size} />
        </li>
      ))}
    </ul>
  );
}
