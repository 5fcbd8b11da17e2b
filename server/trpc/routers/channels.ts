import { z } from "zod";
import { listChannelSettings } from "@/server/channels/list";
import {
  ChannelIdInput,
  ChannelSettingsOutput,
  CreateChannelInput,
  UpdateChannelInput,
} from "@/server/channels/schemas";
import { createChannel, setChannelArchived, updateChannel } from "@/server/channels/write";
import { adminProcedure, memberProcedure, router } from "@/server/trpc/init";

/** `v1.channels`: the workspace's channels, archived ones included; owners and admins change them. */
export const channelsRouter = router({
  list: memberProcedure
    .output(z.array(ChannelSettingsOutput))
    .query(({ ctx }) => listChannelSettings(ctx.db, ctx.caller)),
  create: adminProcedure
    .input(CreateChannelInput)
    .output(ChannelSettingsOutput)
    .mutation(({ ctx, input }) => createChannel(ctx.db, ctx.caller, input)),
  update: adminProcedure
    .input(UpdateChannelInput)
    .output(ChannelSettingsOutput)
    .mutation(({ ctx, input }) => updateChannel(ctx.db, ctx.caller, input)),
  /** Keeps its conversations (replies in them still work); refuses new conversations. */
  archive: adminProcedure
    .input(ChannelIdInput)
    .output(ChannelSettingsOutput)
    .mutation(({ ctx, input }) => setChannelArchived(ctx.db, ctx.caller, input, true)),
  restore: adminProcedure
    .input(ChannelIdInput)
    .output(ChannelSettingsOutput)
    .mutation(({ ctx, input }) => setChannelArchived(ctx.db, ctx.caller, input, false)),
});
