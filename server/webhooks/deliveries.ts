import { TRPCError } from "@trpc/server";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { keysetPage, olderThanCursor } from "@/server/db/keyset";
import { notFound } from "@/server/trpc/errors";
import { dispatchDeliveries } from "@/server/webhooks/dispatch";
import type {
  ListDeliveriesInput,
  RedeliverInput,
  WebhookDeliveriesOutput,
  WebhookDeliveryOutput,
} from "@/server/webhooks/schemas";
import { deliverySelect, toDeliveryOutput } from "@/server/webhooks/select";

/** An endpoint's delivery log, newest first, a keyset page at a time. */
export async function listDeliveries(
  db: Db,
  caller: Caller,
  { webhookId, cursor, limit }: ListDeliveriesInput,
): Promise<WebhookDeliveriesOutput> {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: webhookId, workspaceId: caller.workspaceId },
    select: { id: true },
  });
  if (!endpoint) throw notFound("webhookId", "webhook");
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId: endpoint.id,
      workspaceId: caller.workspaceId,
      ...(cursor ? olderThanCursor(cursor) : {}),
    },
    select: deliverySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const { shown, nextCursor } = keysetPage(rows, limit);
  return { items: shown.map(toDeliveryOutput), nextCursor };
}

/**
 * Sends a delivery again now, with the same webhook-id and body (receivers deduplicate on the
 * id). One more attempt: retries continue only if the delivery had attempts left.
 */
export async function redeliver(
  db: Db,
  caller: Caller,
  { deliveryId }: RedeliverInput,
): Promise<WebhookDeliveryOutput> {
  const row = await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, workspaceId: caller.workspaceId },
      select: { id: true, endpointId: true },
    });
    const endpoint =
      delivery &&
      (await tx.webhookEndpoint.findFirst({
        where: { id: delivery.endpointId, workspaceId: caller.workspaceId },
        select: { enabled: true },
      }));
    if (!delivery || !endpoint) throw notFound("deliveryId", "delivery");
    if (!endpoint.enabled) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "deliveryId: its webhook is disabled; enable it first",
      });
    }
    return tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { status: "pending", nextAttemptAt: new Date() },
      select: deliverySelect,
    });
  });
  dispatchDeliveries([row.id]);
  return toDeliveryOutput(row);
}
