import { recordAudit } from "@/server/audit/record";
import type { Caller } from "@/server/auth/caller";
import type {
  ChannelIdInput,
  ChannelSettingsOutput,
  CreateChannelInput,
  UpdateChannelInput,
} from "@/server/channels/schemas";
import { channelSettingsSelect, identifierConflict, toChannelOutput } from "@/server/channels/select";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { notFound } from "@/server/trpc/errors";

type Tx = Prisma.TransactionClient;

async function findChannel(tx: Tx, caller: Caller, id: string) {
  const channel = await tx.channel.findFirst({
    where: { id, workspaceId: caller.workspaceId },
    select: channelSettingsSelect,
  });
  if (!channel) throw notFound("id", "channel");
  return channel;
}

export async function createChannel(
  db: Db,
  caller: Caller,
  input: CreateChannelInput,
): Promise<ChannelSettingsOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.channel.create({
        data: { workspaceId: caller.workspaceId, ...input },
        select: channelSettingsSelect,
      });
      await recordAudit(tx, caller, {
        action: "channel.created",
        target: { type: "channel", id: row.id, label: row.name },
        data: { kind: row.kind, identifier: row.identifier },
      });
      return toChannelOutput(row);
    });
  } catch (error) {
    identifierConflict(error);
  }
}

/**
 * Renames a channel or changes its identifier (the API's callers must then send the new one;
 * the channel's conversations stay on it). Its kind never changes.
 */
export async function updateChannel(
  db: Db,
  caller: Caller,
  { id, ...change }: UpdateChannelInput,
): Promise<ChannelSettingsOutput> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await findChannel(tx, caller, id);
      const row = await tx.channel.update({
        where: { id: before.id },
        data: change,
        select: channelSettingsSelect,
      });
      const data: Record<string, { from: string; to: string }> = {};
      if (row.name !== before.name) data.name = { from: before.name, to: row.name };
      if (row.identifier !== before.identifier)
        data.identifier = { from: before.identifier, to: row.identifier };
      if (Object.keys(data).length > 0) {
        await recordAudit(tx, caller, {
          action: "channel.updated",
          target: { type: "channel", id: row.id, label: row.name },
          data,
        });
      }
      return toChannelOutput(row);
    });
  } catch (error) {
    identifierConflict(error);
  }
}

/** Archives (or restores) a channel; doing it again changes nothing and records nothing. */
export async function setChannelArchived(
  db: Db,
  caller: Caller,
  { id }: ChannelIdInput,
  archived: boolean,
): Promise<ChannelSettingsOutput> {
  return db.$transaction(async (tx) => {
    const before = await findChannel(tx, caller, id);
    if ((before.archivedAt !== null) === archived) return toChannelOutput(before);
    const row = await tx.channel.update({
      where: { id: before.id },
      data: { archivedAt: archived ? new Date() : null },
      select: channelSettingsSelect,
    });
    await recordAudit(tx, caller, {
      action: archived ? "channel.archived" : "channel.restored",
      target: { type: "channel", id: row.id, label: row.name },
    });
    return toChannelOutput(row);
  });
}
