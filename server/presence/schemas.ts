import { z } from "zod";

const Id = z.string().min(1).max(200);

/** What a tab does in a conversation; `left` ends its presence there. */
export const PresenceActivity = z.enum(["viewing", "replying", "noting", "left"]);
export type PresenceActivity = z.infer<typeof PresenceActivity>;

export const UpdatePresenceInput = z.object({
  conversationId: Id,
  /** The tab's id, as its live stream was opened with (GET /api/live). */
  connectionId: Id,
  activity: PresenceActivity,
});
export type UpdatePresenceInput = z.infer<typeof UpdatePresenceInput>;

export const ColleaguePresence = z.object({
  memberId: z.string(),
  activity: z.enum(["viewing", "replying", "noting"]),
});
export type ColleaguePresence = z.infer<typeof ColleaguePresence>;

/** One colleague's tab with the conversation open: a member with two tabs there has two. */
export const ColleagueTab = ColleaguePresence.extend({ connectionId: z.string() });
export type ColleagueTab = z.infer<typeof ColleagueTab>;

/**
 * The colleagues' tabs (never the caller's, in any tab) that have the conversation open right now:
 * by tab, so that one of them leaving does not hide a colleague who still has it open in another.
 */
export const PresenceOutput = z.object({ tabs: z.array(ColleagueTab) });
export type PresenceOutput = z.infer<typeof PresenceOutput>;
