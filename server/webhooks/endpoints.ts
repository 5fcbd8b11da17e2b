import { TRPCError } from "@trpc/server";
import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { env } from "@/server/env";
import { isRefusedOnItsFace } from "@/server/outbound/precheck";
import { notFound } from "@/server/trpc/errors";
import {
  type CreateWebhookInput,
  MAX_WEBHOOK_ENDPOINTS,
  type UpdateWebhookInput,
  type WebhookEndpointOutput,
  type WebhookIdInput,
  type WebhookListOutput,
  type WebhookWithSecretOutput,
} from "@/server/webhooks/schemas";
import { generateWebhookSecret, storeWebhookSecret } from "@/server/webhooks/secret";
import { endpointSelect, toEndpointOutput } from "@/server/webhooks/select";

type Tx = Prisma.TransactionClient;

/** During a rotation the previous secret keeps signing for this long. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 60 * 60 * 1000;

/** Refused on its face (a private or loopback address not allowed by the operator); DNS is checked on each delivery. */
function checkUrl(url: string) {
  if (isRefusedOnItsFace(new URL(url), env().OUTBOUND_ALLOWED_HOSTS)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "url: this server does not send to that address (private network or this host)",
    });
  }
}

async function findEndpoint(tx: Tx, caller: Caller, id: string) {
  const row = await tx.webhookEndpoint.findFirst({
    where: { id, workspaceId: caller.workspaceId },
    select: endpointSelect,
  });
  if (!row) throw notFound("id", "webhook");
  return row;
}

/** The workspace's endpoints, newest first (at most MAX_WEBHOOK_ENDPOINTS). */
export async function listWebhooks(db: Db, caller: Caller): Promise<WebhookListOutput> {
  const rows = await db.webhookEndpoint.findMany({
    where: { workspaceId: caller.workspaceId },
    select: endpointSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return { items: rows.map(toEndpointOutput) };
}

export async function createWebhook(
  db: Db,
  caller: Caller,
  input: CreateWebhookInput,
): Promise<WebhookWithSecretOutput> {
  checkUrl(input.url);
  const { workspaceId } = caller;
  const id = uuidv7();
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    // Two creations at once take turns, so neither passes the limit on the other's count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhooks:${workspaceId}`}, 0))`;
    const count = await tx.webhookEndpoint.count({ where: { workspaceId } });
    if (count >= MAX_WEBHOOK_ENDPOINTS) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `url: a workspace may have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first`,
      });
    }
    const created = await tx.webhookEndpoint.create({
      data: {
        id,
        workspaceId,
        url: input.url,
        description: input.description || null,
        events: input.events,
        secret: storeWebhookSecret(secret, workspaceId, id),
      },
      select: endpointSelect,
    });
    await recordAudit(tx, caller, {
      action: "webhook.created",
      target: { type: "webhook", id, label: created.url },
      data: { events: created.events },
    });
    return created;
  });
  return { endpoint: toEndpointOutput(row), secret };
}

/** What an admin's change sets on the row; enabling again starts a clean slate. */
function enabledData(enabled: boolean | undefined, wasEnabled: boolean) {
  if (enabled === undefined || enabled === wasEnabled) return {};
  return enabled
    ? { enabled, disabledAt: null, disabledReason: null, failingSince: null }
    : { enabled, disabledAt: new Date(), disabledReason: null };
}

export async function updateWebhook(
  db: Db,
  caller: Caller,
  { id, ...input }: UpdateWebhookInput,
): Promise<WebhookEndpointOutput> {
  if (input.url !== undefined) checkUrl(input.url);
  return db.$transaction(async (tx) => {
    const before = await findEndpoint(tx, caller, id);
    const row = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.events !== undefined ? { events: input.events } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...enabledData(input.enabled, before.enabled),
      },
      select: endpointSelect,
    });
    const changes: Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }> =
      {};
    for (const field of ["url", "description", "enabled"] as const) {
      if (row[field] !== before[field]) changes[field] = { from: before[field], to: row[field] };
    }
    if (row.events.join() !== before.events.join()) changes.events = { from: before.events, to: row.events };
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, caller, {
        action: "webhook.updated",
        target: { type: "webhook", id: row.id, label: row.url },
        data: changes,
      });
    }
    return toEndpointOutput(row);
  });
}

/** Deletes the endpoint and its delivery log; deliveries not yet sent are never sent. */
export async function deleteWebhook(db: Db, caller: Caller, { id }: WebhookIdInput): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const row = await findEndpoint(tx, caller, id);
    // Deliveries have no foreign key (prisma/schema.prisma says why): they go here, explicitly.
    await tx.webhookDelivery.deleteMany({ where: { endpointId: row.id, workspaceId: caller.workspaceId } });
    await tx.webhookEndpoint.delete({ where: { id: row.id }, select: { id: true } });
    await recordAudit(tx, caller, {
      action: "webhook.deleted",
      target: { type: "webhook", id: row.id, label: row.url },
    });
    return { id: row.id };
  });
}

/**
 * A new signing secret, shown this once. The one it replaces keeps signing (a second
 * signature in the header) for 24 hours, so receivers can switch without losing a delivery.
 */
export async function rotateWebhookSecret(
  db: Db,
  caller: Caller,
  { id }: WebhookIdInput,
): Promise<WebhookWithSecretOutput> {
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    const before = await findEndpoint(tx, caller, id);
    const current = await tx.webhookEndpoint.findUniqueOrThrow({
      where: { id: before.id },
      select: { secret: true },
    });
    const updated = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: {
        secret: storeWebhookSecret(secret, caller.workspaceId, before.id),
        previousSecret: current.secret,
        previousSecretExpiresAt: new Date(Date.now() + PREVIOUS_SECRET_VALID_MS),
      },
      select: endpointSelect,
    });
    await recordAudit(tx, caller, {
      action: "webhook.secret_rotated",
      target: { type: "webhook", id: updated.id, label: updated.url },
    });
    return updated;
  });
  return { endpoint: toEndpointOutput(row), secret };
}
