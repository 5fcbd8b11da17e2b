import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { isCommonPassword } from "@/server/auth/common-passwords";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { revokeUserSessions } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";

/** A password someone chooses: sign-up, accepting an invitation, and a change of password. */
export const NewPassword = z
  .string()
  .min(10, "use at least 10 characters")
  .max(200, "use at most 200 characters")
  .refine(
    (password) => !isCommonPassword(password),
    "this is one of the most common passwords: choose another",
  );

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/**
 * A signed-in user's new password. Every other session of theirs ends (a stolen cookie stops
 * working); the browser that changed it stays signed in.
 */
export async function changePassword(
  db: Db,
  session: { userId: string; sessionId: string },
  input: ChangePasswordInput,
): Promise<{ endedSessions: number }> {
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "currentPassword: this is not your current password",
    });
  }
  await db.user.update({
    where: { id: session.userId },
    data: { passwordHash: await hashPassword(input.newPassword) },
    select: { id: true },
  });
  return { endedSessions: await revokeUserSessions(db, session.userId, session.sessionId) };
}
