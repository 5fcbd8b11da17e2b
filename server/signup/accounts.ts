import { TRPCError } from "@trpc/server";
import { hashPassword } from "@/server/auth/password";
import { Prisma } from "@/server/db/generated/client";

type Tx = Prisma.TransactionClient;

export const EMAIL_TAKEN = "email: an account with this address already exists; sign in instead";

/** Whether a failed write broke the unique index on lower(User.email) (or User.email itself). */
export function isEmailTaken(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return /email/i.test(JSON.stringify(error.meta ?? {})) || /email/i.test(error.message);
}

/** BAD_REQUEST naming `email` for a taken address; anything else unchanged. */
export function emailTakenOr(error: unknown): unknown {
  return isEmailTaken(error) ? new TRPCError({ code: "BAD_REQUEST", message: EMAIL_TAKEN }) : error;
}

/**
 * A new person's account, in the caller's transaction. The address arrives normalised
 * (server/auth/email.ts); a taken one is refused here, and by the unique index when two
 * sign-ups race.
 */
export async function createUser(
  tx: Tx,
  input: { name: string; email: string; password: string },
): Promise<{ id: string }> {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new TRPCError({ code: "BAD_REQUEST", message: EMAIL_TAKEN });
  return tx.user.create({
    data: { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) },
    select: { id: true },
  });
}
