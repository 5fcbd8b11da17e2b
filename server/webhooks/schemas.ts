import { z } from "zod";
import { pageOutput } from "@/server/trpc/page-output";

const Id = z.string().trim().min(1).max(100);

/** Every event an endpoint may subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  "message.created",
  "conversation.created",
  "conversation.updated",
  "ai_run.succeeded",
  "ai_run.failed",
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** At most this many endpoints per workspace. */
export const MAX_WEBHOOK_ENDPOINTS = 20;

/**
 * Where events go: http(s), no user name or password in it (the signature authenticates the
 * sender; a receiver's credentials would sit in every log line that prints the URL).
 */
const WebhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(2_000, "at most 2,000 characters")
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be an absolute http(s) URL" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "must be an http or https URL" });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "must not hold a user name or password" });
    }
  });

const Events = z
  .array(WebhookEventType)
  .min(1, "subscribe to at least one event type")
  .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type)));
const Description = z.string().trim().max(500).nullable();

export const CreateWebhookInput = z.object({
  url: WebhookUrl,
  events: Events,
  description: Description.optional(),
});
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z.object({
  id: Id,
  url: WebhookUrl.optional(),
  events: Events.optional(),
  description: Description.optional(),
  /** true enables a disabled endpoint again and clears its failure streak; false disables it. */
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

export const WebhookIdInput = z.object({ id: Id });
export type WebhookIdInput = z.infer<typeof WebhookIdInput>;

export const ListDeliveriesInput = z.object({
  webhookId: Id,
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListDeliveriesInput = z.infer<typeof ListDeliveriesInput>;

export const RedeliverInput = z.object({ deliveryId: Id });
export type RedeliverInput = z.infer<typeof RedeliverInput>;

export const WebhookEndpointOutput = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(WebhookEventType),
  enabled: z.boolean(),
  /** ISO 8601; set while disabled. */
  disabledAt: z.string().nullable(),
  /** "gone": the endpoint answered 410; "failing": every delivery failed for 5 days; null: disabled by an admin, or enabled. */
  disabledReason: z.enum(["gone", "failing"]).nullable(),
  /** ISO 8601: when the current run of failed attempts began; null after a success. */
  failingSince: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpointOutput = z.infer<typeof WebhookEndpointOutput>;

export const WebhookListOutput = z.object({ items: z.array(WebhookEndpointOutput) });
export type WebhookListOutput = z.infer<typeof WebhookListOutput>;

export const WebhookWithSecretOutput = z.object({
  endpoint: WebhookEndpointOutput,
  /** whsec_<base64>: shown this once; verify deliveries with it (Standard Webhooks). */
  secret: z.string(),
});
export type WebhookWithSecretOutput = z.infer<typeof WebhookWithSecretOutput>;

export const WebhookDeliveryOutput = z.object({
  id: z.string(),
  /** The endpoint's id. */
  webhookId: z.string(),
  /** The webhook-id header: the same on every retry and redelivery of this event. */
  messageId: z.string(),
  eventType: WebhookEventType,
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** The first 1 KB of the last answer's body. */
  responseBody: z.string().nullable(),
  /** What went wrong on the last attempt, as a sentence. */
  error: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type WebhookDeliveryOutput = z.infer<typeof WebhookDeliveryOutput>;

export const WebhookDeliveriesOutput = pageOutput(WebhookDeliveryOutput);
export type WebhookDeliveriesOutput = z.infer<typeof WebhookDeliveriesOutput>;

export const DeletedWebhookOutput = z.object({ id: z.string() });
