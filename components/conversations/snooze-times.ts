// When each snooze preset ends, in the member's own time zone (the browser's): the browser works
// out the instant and sends it as ISO 8601, so the server never guesses a zone.

export const SNOOZE_PRESETS = ["hour", "tonight", "tomorrow", "nextWeek"] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/** Each preset's name in components/conversations/strings.ts. */
export const PRESET_LABEL = {
  hour: "snoozeHour",
  tonight: "snoozeTonight",
  tomorrow: "snoozeTomorrow",
  nextWeek: "snoozeNextWeek",
} as const satisfies Record<SnoozePreset, string>;

const EVENING_HOUR = 18;
const MORNING_HOUR = 9;
/** The server's limit (server/conversations/schemas.ts SNOOZE_MAX_MS), less a day for clocks. */
const MAX_AHEAD_MS = 365 * 24 * 60 * 60 * 1000;

function at(day: Date, hour: number, addDays = 0): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + addDays, hour, 0, 0, 0);
}

/**
 * In an hour; this evening at 18:00 (tomorrow's once today's has passed); tomorrow at 09:00;
 * next Monday at 09:00 (a week on when today is Monday).
 */
export function snoozePresetTime(preset: SnoozePreset, now = new Date()): Date {
  switch (preset) {
    case "hour":
      return new Date(now.getTime() + 60 * 60 * 1000);
    case "tonight": {
      const today = at(now, EVENING_HOUR);
      return today > now ? today : at(now, EVENING_HOUR, 1);
    }
    case "tomorrow":
      return at(now, MORNING_HOUR, 1);
    case "nextWeek":
      return at(now, MORNING_HOUR, (8 - now.getDay()) % 7 || 7);
  }
}

/** A `datetime-local` value (the member's zone) as an instant, or null when not a time to snooze until. */
export function snoozeTimeOf(local: string, now = new Date()): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const time = new Date(local);
  if (Number.isNaN(time.getTime())) return null;
  if (time <= now || time.getTime() - now.getTime() > MAX_AHEAD_MS) return null;
  return time;
}

/** `now` as a `datetime-local` value, to start the picker from. */
export function localInputValue(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}
