import { z } from "zod";
import { memberProcedure, router } from "@/server/trpc/init";
import { getMe } from "@/server/workspace/me";

const WorkspaceSummary = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const MeOutput = z.object({
  memberId: z.string(),
  role: z.enum(["owner", "admin", "agent"]),
  workspace: WorkspaceSummary,
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    image: z.string().nullable(),
    locale: z.string().nullable(),
    shortcutsEnabled: z.boolean(),
  }),
  workspaces: z.array(WorkspaceSummary),
});

export const workspaceRouter = router({
  me: memberProcedure.output(MeOutput).query(({ ctx }) => getMe(ctx.db, ctx.caller)),
});
