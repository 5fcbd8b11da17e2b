import { z } from "zod";
import { attachmentStorage } from "@/server/attachments/storage";
import { RemoveMemberInput, removeMember } from "@/server/members/remove";
import {
  adminProcedure,
  memberProcedure,
  ownerSessionProcedure,
  router,
  sessionProcedure,
} from "@/server/trpc/init";
import { listAgents } from "@/server/workspace/agents";
import { listChannels } from "@/server/workspace/channels";
import { DeleteWorkspaceInput, deleteWorkspace } from "@/server/workspace/delete";
import { getMe } from "@/server/workspace/me";
import { listMembers } from "@/server/workspace/members";
import { PreferencesOutput, UpdatePreferencesInput, updatePreferences } from "@/server/workspace/preferences";
import {
  AgentOutput,
  ChannelOutput,
  MemberOutput,
  MemberRole,
  SwitchWorkspaceInput,
  TemplateOutput,
  WorkspaceSummary,
} from "@/server/workspace/schemas";
import {
  getWorkspaceSettings,
  UpdateWorkspaceInput,
  updateWorkspace,
  WorkspaceSettingsOutput,
} from "@/server/workspace/settings";
import { findSwitchableWorkspace } from "@/server/workspace/switch";
import { listTemplates } from "@/server/workspace/templates";

export const MeOutput = z.object({
  memberId: z.string(),
  role: MemberRole,
  workspace: WorkspaceSummary,
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    image: z.string().nullable(),
    locale: z.string().nullable(),
    shortcutsEnabled: z.boolean(),
    enterSends: z.boolean(),
  }),
  workspaces: z.array(WorkspaceSummary),
});

export const workspaceRouter = router({
  me: memberProcedure.output(MeOutput).query(({ ctx }) => getMe(ctx.db, ctx.caller)),
  members: memberProcedure.output(z.array(MemberOutput)).query(({ ctx }) => listMembers(ctx.db, ctx.caller)),
  /** Owners and admins remove a member; any member may leave (remove themselves). */
  removeMember: memberProcedure
    .input(RemoveMemberInput)
    .output(z.void())
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.caller, input)),
  channels: memberProcedure
    .output(z.array(ChannelOutput))
    .query(({ ctx }) => listChannels(ctx.db, ctx.caller)),
  templates: memberProcedure
    .output(z.array(TemplateOutput))
    .query(({ ctx }) => listTemplates(ctx.db, ctx.caller)),
  agents: memberProcedure.output(z.array(AgentOutput)).query(({ ctx }) => listAgents(ctx.db, ctx.caller)),
  updatePreferences: sessionProcedure
    .input(UpdatePreferencesInput)
    .output(PreferencesOutput)
    .mutation(({ ctx, input }) => updatePreferences(ctx.db, ctx.userId, input)),
  settings: adminProcedure
    .output(WorkspaceSettingsOutput)
    .query(({ ctx }) => getWorkspaceSettings(ctx.db, ctx.caller)),
  update: adminProcedure
    .input(UpdateWorkspaceInput)
    .output(WorkspaceSettingsOutput)
    .mutation(({ ctx, input }) => updateWorkspace(ctx.db, ctx.caller, input)),
  /** The owner deletes the workspace and all its data, after typing its name. */
  delete: ownerSessionProcedure
    .input(DeleteWorkspaceInput)
    .output(z.object({ deletedAttachments: z.number().int() }))
    .mutation(({ ctx, input }) => deleteWorkspace(ctx.db, attachmentStorage(), ctx.caller, input)),
  /** Checks membership; the browser then sets the workspace cookie (POST /api/workspace/switch does both). */
  switch: sessionProcedure
    .input(SwitchWorkspaceInput)
    .output(WorkspaceSummary)
    .mutation(({ ctx, input }) => findSwitchableWorkspace(ctx.db, ctx.userId, input.workspaceId)),
});
