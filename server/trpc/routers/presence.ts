import { PresenceOutput, UpdatePresenceInput } from "@/server/presence/schemas";
import { updatePresence } from "@/server/presence/update";
import { router, sessionProcedure } from "@/server/trpc/init";

/** Who has a conversation open and who is typing in it: people's tabs, so sessions only. */
export const presenceRouter = router({
  update: sessionProcedure
    .input(UpdatePresenceInput)
    .output(PresenceOutput)
    .mutation(({ ctx, input }) => updatePresence(ctx.db, ctx.caller, input)),
});
