"use client";
import { trpc } from "@/client/trpc";

/** Members' names by id, from the workspace's member list (cached; fetched only when needed). */
export function useMemberNames(needed: boolean): (memberId: string) => string | undefined {
  const members = trpc.v1.workspace.members.useQuery(undefined, { staleTime: 5 * 60_000, enabled: needed });
  return (memberId) => members.data?.find((m) => m.memberId === memberId)?.name;
}
