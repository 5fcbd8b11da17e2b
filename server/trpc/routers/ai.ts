import { z } from "zod";
import { createAgent, deleteAgent, listAgentConfigs, updateAgent } from "@/server/ai/agents";
import { assist } from "@/server/ai/assist";
import { listAiProviders } from "@/server/ai/operator-providers";
import { retryRun } from "@/server/ai/retry-run";
import { getRun, listRunsForConversation } from "@/server/ai/runs";
import {
  AgentConfigOutput,
  AgentIdInput,
  AiProvidersOutput,
  AssistInput,
  CreateAgentInput,
  RunIdInput,
  RunOutput,
  RunsForConversationInput,
  RunsForConversationOutput,
  TransformInput,
  UpdateAgentInput,
} from "@/server/ai/schemas";
import { transform } from "@/server/ai/transform";
import { adminProcedure, memberProcedure, router } from "@/server/trpc/init";

/**
 * AI agents: runs are created here and worked on in the background; every change of a run is
 * announced as `ai-run.updated` (streamed draft text included), so a view refetches `run`.
 */
export const aiRouter = router({
  assist: memberProcedure
    .input(AssistInput)
    .output(RunOutput)
    .mutation(({ ctx, input }) => assist(ctx.db, ctx.caller, input)),
  run: memberProcedure
    .input(RunIdInput)
    .output(RunOutput)
    .query(({ ctx, input }) => getRun(ctx.db, ctx.caller, input)),
  runsForConversation: memberProcedure
    .input(RunsForConversationInput)
    .output(RunsForConversationOutput)
    .query(({ ctx, input }) => listRunsForConversation(ctx.db, ctx.caller, input)),
  retryRun: memberProcedure
    .input(RunIdInput)
    .output(RunOutput)
    .mutation(({ ctx, input }) => retryRun(ctx.db, ctx.caller, input)),
  transform: memberProcedure
    .input(TransformInput)
    .output(RunOutput)
    .mutation(({ ctx, input }) => transform(ctx.db, ctx.caller, input)),
  /** What an admin may connect an agent to: the operator's providers (never their keys), and whether own keys are possible. */
  providers: adminProcedure.output(AiProvidersOutput).query(() => listAiProviders()),
  agents: router({
    list: adminProcedure
      .output(z.array(AgentConfigOutput))
      .query(({ ctx }) => listAgentConfigs(ctx.db, ctx.caller)),
    create: adminProcedure
      .input(CreateAgentInput)
      .output(AgentConfigOutput)
      .mutation(({ ctx, input }) => createAgent(ctx.db, ctx.caller, input)),
    update: adminProcedure
      .input(UpdateAgentInput)
      .output(AgentConfigOutput)
      .mutation(({ ctx, input }) => updateAgent(ctx.db, ctx.caller, input)),
    delete: adminProcedure
      .input(AgentIdInput)
      .output(z.object({ id: z.string() }))
      .mutation(({ ctx, input }) => deleteAgent(ctx.db, ctx.caller, input)),
  }),
});
