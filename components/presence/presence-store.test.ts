import { beforeEach, describe, expect, it } from "vitest";
import {
  colleaguesHere,
  openPresence,
  receivePresence,
  seedPresence,
} from "@/components/presence/presence-store";
import type { PresenceEvent } from "@/server/events/types";

const event = (
  memberId: string,
  connectionId: string,
  activity: PresenceEvent["activity"],
): PresenceEvent => ({
  type: "presence",
  workspaceId: "w",
  conversationId: "x",
  memberId,
  connectionId,
  activity,
});

describe("a tab's view of its colleagues", () => {
  // The store is the tab's module state: each test starts with no conversation open.
  beforeEach(() => openPresence(null));

  it("keeps a colleague shown while another of their tabs still has the conversation open", () => {
    const now = Date.now();
    openPresence("x");
    // The answer to this tab's update: Bora has it open in two tabs, Cem in one.
    seedPresence(
      "x",
      [
        { memberId: "bora", connectionId: "b-1", activity: "viewing" },
        { memberId: "bora", connectionId: "b-2", activity: "replying" },
        { memberId: "cem", connectionId: "c-1", activity: "viewing" },
      ],
      now,
    );
    expect(colleaguesHere(now)).toEqual([
      { memberId: "bora", activity: "replying" },
      { memberId: "cem", activity: "viewing" },
    ]);
    // One of Bora's tabs closes: Bora is still there, no longer replying.
    receivePresence(event("bora", "b-2", "left"), now);
    expect(colleaguesHere(now)).toEqual([
      { memberId: "bora", activity: "viewing" },
      { memberId: "cem", activity: "viewing" },
    ]);
    receivePresence(event("bora", "b-1", "left"), now);
    receivePresence(event("cem", "c-1", "left"), now);
    expect(colleaguesHere(now)).toEqual([]);
  });

  it("keeps what the live stream said of a tab over an older answer, and forgets it all on another conversation", () => {
    const now = Date.now();
    openPresence("x");
    receivePresence(event("bora", "b-1", "replying"), now);
    seedPresence("x", [{ memberId: "bora", connectionId: "b-1", activity: "viewing" }], now);
    expect(colleaguesHere(now)).toEqual([{ memberId: "bora", activity: "replying" }]);
    seedPresence("y", [{ memberId: "cem", connectionId: "c-1", activity: "viewing" }], now);
    expect(colleaguesHere(now)).toEqual([{ memberId: "bora", activity: "replying" }]);
    openPresence("y");
    expect(colleaguesHere(now)).toEqual([]);
  });
});
