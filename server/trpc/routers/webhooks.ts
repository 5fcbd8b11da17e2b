import { adminProcedure, router } from "@/server/trpc/init";
import { listDeliveries, redeliver } from "@/server/webhooks/deliveries";
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from "@/server/webhooks/endpoints";
import {
  CreateWebhookInput,
  DeletedWebhookOutput,
  ListDeliveriesInput,
  RedeliverInput,
  UpdateWebhookInput,
  WebhookDeliveriesOutput,
  WebhookDeliveryOutput,
  WebhookEndpointOutput,
  WebhookIdInput,
  WebhookListOutput,
  WebhookWithSecretOutput,
} from "@/server/webhooks/schemas";

/** `v1.webhooks`: where the workspace's events are sent (Standard Webhooks); owners and admins only. */
export const webhooksRouter = router({
  list: adminProcedure.output(WebhookListOutput).query(({ ctx }) => listWebhooks(ctx.db, ctx.caller)),
  /** The signing secret is in this answer only. */
  create: adminProcedure
    .input(CreateWebhookInput)
    .output(WebhookWithSecretOutput)
    .mutation(({ ctx, input }) => createWebhook(ctx.db, ctx.caller, input)),
  update: adminProcedure
    .input(UpdateWebhookInput)
    .output(WebhookEndpointOutput)
    .mutation(({ ctx, input }) => updateWebhook(ctx.db, ctx.caller, input)),
  delete: adminProcedure
    .input(WebhookIdInput)
    .output(DeletedWebhookOutput)
    .mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx.caller, input)),
  /** A new secret, in this answer only; the previous one keeps signing for 24 hours. */
  rotateSecret: adminProcedure
    .input(WebhookIdInput)
    .output(WebhookWithSecretOutput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.caller, input)),
  deliveries: adminProcedure
    .input(ListDeliveriesInput)
    .output(WebhookDeliveriesOutput)
    .query(({ ctx, input }) => listDeliveries(ctx.db, ctx.caller, input)),
  redeliver: adminProcedure
    .input(RedeliverInput)
    .output(WebhookDeliveryOutput)
    .mutation(({ ctx, input }) => redeliver(ctx.db, ctx.caller, input)),
});
