import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { createUser, emailTakenOr } from "@/server/signup/accounts";
import type { SignUpInput, SignUpOutput } from "@/server/signup/schemas";
import { createWorkspaceIn } from "@/server/workspace/create";

/**
 * A person and their workspace, of which they are the owner: the user, the workspace and the
 * membership commit together. Used by the sign-up page and by `npm run account:create`;
 * whether open sign-up is allowed is the caller's decision.
 */
export async function createAccountWithWorkspace(db: Db, input: SignUpInput): Promise<SignUpOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await createUser(tx, input);
      const { memberId: _memberId, ...workspace } = await createWorkspaceIn(tx, user.id, {
        name: input.workspaceName,
      });
      return { userId: user.id, workspace };
    });
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    throw emailTakenOr(error);
  }
}
