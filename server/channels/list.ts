import type { Caller } from "@/server/auth/caller";
import type { ChannelSettingsOutput } from "@/server/channels/schemas";
import { channelSettingsSelect, toChannelOutput } from "@/server/channels/select";
import type { Db } from "@/server/db/client";

/** Every channel of the workspace, archived ones last. */
export async function listChannelSettings(db: Db, caller: Caller): Promise<ChannelSettingsOutput[]> {
  const rows = await db.channel.findMany({
    where: { workspaceId: caller.workspaceId },
    select: channelSettingsSelect,
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map(toChannelOutput);
}
