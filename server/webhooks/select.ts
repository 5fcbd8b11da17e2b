import type { Prisma } from "@/server/db/generated/client";
import type {
  WebhookDeliveryOutput,
  WebhookEndpointOutput,
  WebhookEventType,
} from "@/server/webhooks/schemas";

/** What an endpoint shows; never its secrets. */
export const endpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookEndpointSelect;

type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toEndpointOutput(row: EndpointRow): WebhookEndpointOutput {
  return {
    ...row,
    events: row.events as WebhookEventType[],
    disabledAt: iso(row.disabledAt),
    failingSince: iso(row.failingSince),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const deliverySelect = {
  id: true,
  endpointId: true,
  messageId: true,
  eventType: true,
  status: true,
  attempts: true,
  responseStatus: true,
  durationMs: true,
  responseBody: true,
  error: true,
  createdAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

export function toDeliveryOutput({ endpointId, ...row }: DeliveryRow): WebhookDeliveryOutput {
  return {
    ...row,
    webhookId: endpointId,
    eventType: row.eventType as WebhookEventType,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
  };
}
