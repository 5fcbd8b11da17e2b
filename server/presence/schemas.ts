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

/** The colleagues (never the caller, in any tab) who have the conversation open right now. */
export const PresenceOutput = z.object({ colleagues: z.array(ColleaguePresence) });
export type PresenceOutput = z.infer<typeof PresenceOutput>;
