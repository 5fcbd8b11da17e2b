import { z } from "zod";
import type { Db } from "@/server/db/client";

export const UpdatePreferencesInput = z.object({
  /** The interface language; null follows the browser. */
  locale: z.enum(["en", "ar", "tr"]).nullable().optional(),
  shortcutsEnabled: z.boolean().optional(),
});
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;

export const PreferencesOutput = z.object({ locale: z.string().nullable(), shortcutsEnabled: z.boolean() });

/** A member's own settings; they belong to the person, so they follow them across workspaces. */
export async function updatePreferences(db: Db, userId: string, input: UpdatePreferencesInput) {
  return db.user.update({
    where: { id: userId },
    data: {
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.shortcutsEnabled !== undefined ? { shortcutsEnabled: input.shortcutsEnabled } : {}),
    },
    select: { locale: true, shortcutsEnabled: true },
  });
}

/** A member's own settings as stored; null when the user no longer exists. */
export async function getPreferences(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { locale: true, shortcutsEnabled: true } });
}
