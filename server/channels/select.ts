import { TRPCError } from "@trpc/server";
import type { ChannelSettingsOutput } from "@/server/channels/schemas";
import { Prisma } from "@/server/db/generated/client";

export const channelSettingsSelect = {
  id: true,
  kind: true,
  name: true,
  identifier: true,
  createdAt: true,
  archivedAt: true,
} satisfies Prisma.ChannelSelect;

type ChannelRow = Prisma.ChannelGetPayload<{ select: typeof channelSettingsSelect }>;

export function toChannelOutput(row: ChannelRow): ChannelSettingsOutput {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** The unique (workspace, identifier) index refused the write: say which field to change. */
export function identifierConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new TRPCError({
      code: "CONFLICT",
      message: "identifier: another channel of this workspace already has this identifier",
    });
  }
  throw error;
}
