import { z } from "zod";
import { createApiKey } from "@/server/api-keys/create";
import { listApiKeys } from "@/server/api-keys/list";
import { revokeApiKey } from "@/server/api-keys/revoke";
import {
  ApiKeyOutput,
  CreateApiKeyInput,
  CreatedApiKeyOutput,
  RevokeApiKeyInput,
} from "@/server/api-keys/schemas";
import { memberProcedure, router, sessionProcedure } from "@/server/trpc/init";

export const apiKeysRouter = router({
  list: memberProcedure.output(z.array(ApiKeyOutput)).query(({ ctx }) => listApiKeys(ctx.db, ctx.caller)),
  /** A session only: a leaked key must not be able to mint more keys. */
  create: sessionProcedure
    .input(CreateApiKeyInput)
    .output(CreatedApiKeyOutput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.caller, input)),
  revoke: memberProcedure
    .input(RevokeApiKeyInput)
    .output(ApiKeyOutput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.caller, input)),
});
