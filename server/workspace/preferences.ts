import { z } from "zod";
import type { Db } from "@/server/db/client";

export const UpdatePreferencesInput = z.object({
  /** The interface language; null follows the browser. */
  locale: z.enum(["en", "ar", "tr"]).nullable().optional(),
  shortcutsEnabled: z.boolean().optional(),
  /** The name colleagues and customers see on the person's messages. */
  name: z.string().trim().min(1, "give your name").max(100).optional(),
  /** true: Enter sends; false: Enter is a new line and Ctrl/⌘+Enter sends. */
  enterSends: z.boolean().optional(),
});
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;

export const PreferencesOutput = z.object({
  locale: z.string().nullable(),
  shortcutsEnabled: z.boolean(),
  name: z.string(),
  enterSends: z.boolean(),
});

/** A member's own settings; they belong to the person, so they follow them across workspaces. */
export async function updatePreferences(db: Db, userId: string, input: UpdatePreferencesInput) {
  return db.user.update({
    where: { id: userId },
    data: {
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.shortcutsEnabled !== undefined ? { shortcutsEnabled: input.shortcutsEnabled } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enterSends !== undefined ? { enterSends: input.enterSends } : {}),
    },
    select: { locale: true, shortcutsEnabled: true, name: true, enterSends: true },
  });
}

/** A member's own settings as stored; null when the user no longer exists. */
export async function getPreferences(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { locale: true, shortcutsEnabled: true } });
}
