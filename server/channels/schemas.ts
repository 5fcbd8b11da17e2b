import { z } from "zod";

const Id = z.string().trim().min(1).max(100);

export const CHANNEL_KINDS = ["website", "email", "api", "whatsapp", "sms"] as const;
export const ChannelKind = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKind>;

const ChannelName = z.string().trim().min(1).max(100);
/** What the API's `channelIdentifier` matches, exactly: one word (a domain, an address, a number). */
const ChannelIdentifier = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^\S+$/, "one word without spaces, e.g. example.com or help@example.com");

export const CreateChannelInput = z.object({
  name: ChannelName,
  kind: ChannelKind,
  identifier: ChannelIdentifier,
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;

/** A channel's kind stays what it was created as; its name and identifier may change. */
export const UpdateChannelInput = z.object({
  id: Id,
  name: ChannelName.optional(),
  identifier: ChannelIdentifier.optional(),
});
export type UpdateChannelInput = z.infer<typeof UpdateChannelInput>;

export const ChannelIdInput = z.object({ id: Id });
export type ChannelIdInput = z.infer<typeof ChannelIdInput>;

export const ChannelSettingsOutput = z.object({
  id: z.string(),
  kind: ChannelKind,
  name: z.string(),
  identifier: z.string(),
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601; archived channels keep their conversations and take no new ones. */
  archivedAt: z.string().nullable(),
});
export type ChannelSettingsOutput = z.infer<typeof ChannelSettingsOutput>;
