import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { createUser, emailTakenOr, freeSlug, isEmailTaken } from "@/server/signup/accounts";
import type { SignUpInput, SignUpOutput } from "@/server/signup/schemas";

const SLUG_ATTEMPTS = 4;

function isSlugTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    !isEmailTaken(error) &&
    /slug/i.test(JSON.stringify(error.meta ?? {}) + error.message)
  );
}

/**
 * A person and their workspace, of which they are the owner: the user, the workspace (a slug of
 * its own) and the membership commit together. Used by the sign-up page and by
 * `npm run account:create`; whether open sign-up is allowed is the caller's decision.
 */
export async function createAccountWithWorkspace(db: Db, input: SignUpInput): Promise<SignUpOutput> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const user = await createUser(tx, input);
        const workspace = await tx.workspace.create({
          data: { name: input.workspaceName, slug: await freeSlug(tx, input.workspaceName) },
          select: { id: true, name: true, slug: true },
        });
        await tx.member.create({
          data: { workspaceId: workspace.id, userId: user.id, role: "owner" },
          select: { id: true },
        });
        return { userId: user.id, workspace };
      });
    } catch (error) {
      // Two workspaces of the same name at once: the loser takes a suffixed slug.
      if (isSlugTaken(error) && attempt < SLUG_ATTEMPTS) continue;
      if (error instanceof TRPCError) throw error;
      throw emailTakenOr(error);
    }
  }
}
