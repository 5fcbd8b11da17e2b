import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { ChannelOutput } from "@/server/workspace/schemas";

const channelSelect = { id: true, kind: true, name: true, identifier: true } satisfies Prisma.ChannelSelect;

export async function listChannels(db: Db, caller: Caller): Promise<ChannelOutput[]> {
  return db.channel.findMany({
    where: { workspaceId: caller.workspaceId },
    select: channelSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
