import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { requireCaller } from "@/server/attachments/http";
import { db } from "@/server/db/client";
import { createTestWorkspace, signInCookie } from "@/server/test/fixtures";
import { handleWorkspaceSwitch } from "@/server/workspace/switch-http";

const APP = "http://127.0.0.1:3000";

const sessionCookie = async (userId: string) => (await signInCookie(userId)).cookie;

function post(path: string, cookie: string, headers: Record<string, string>, body = "{}") {
  return new NextRequest(`${APP}${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", host: "127.0.0.1:3000", ...headers },
    body,
  });
}

// What browsers send for a page of another site, of a sibling subdomain (same-site: the
// SameSite=Lax cookie goes along), and of the app itself.
const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
const sameSite = { origin: "https://pages.example.com", "sec-fetch-site": "same-site" };
const sameOrigin = { origin: APP, "sec-fetch-site": "same-origin" };

describe("state changes with a session cookie come only from the app's own pages", () => {
  it("an upload or a mutation from another origin is refused before the session is used", async () => {
    const ws = await createTestWorkspace();
    const cookie = await sessionCookie(ws.owner.userId);
    for (const headers of [crossSite, sameSite, { origin: "https://evil.example" }, {}] as Record<
      string,
      string
    >[]) {
      await expect(requireCaller(post("/api/attachments", cookie, headers))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(requireCaller(post("/api/attachments", cookie, sameOrigin))).resolves.toMatchObject({
      caller: { memberId: ws.owner.memberId },
    });
    // An older browser without Sec-Fetch-Site: its Origin header decides.
    await expect(requireCaller(post("/api/attachments", cookie, { origin: APP }))).resolves.toBeTruthy();
  });

  it("an API key is not a cookie: no browser sends it along, so no origin is needed", async () => {
    const ws = await createTestWorkspace();
    const req = post("/api/attachments", "", { ...crossSite, authorization: `Bearer ${ws.owner.apiKey}` });
    await expect(requireCaller(req)).resolves.toMatchObject({ caller: { memberId: ws.owner.memberId } });
  });

  it("switching workspace from another origin is refused and sets no cookie", async () => {
    const first = await createTestWorkspace("First");
    const second = await createTestWorkspace("Second");
    await db().member.create({
      data: { workspaceId: second.workspaceId, userId: first.owner.userId, role: "agent" },
      select: { id: true },
    });
    const cookie = await sessionCookie(first.owner.userId);
    const body = JSON.stringify({ workspaceId: second.workspaceId });
    for (const headers of [crossSite, sameSite, {}] as Record<string, string>[]) {
      const refused = await handleWorkspaceSwitch(post("/api/workspace/switch", cookie, headers, body));
      expect(refused.status).toBe(403);
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
    const switched = await handleWorkspaceSwitch(post("/api/workspace/switch", cookie, sameOrigin, body));
    expect(switched.status).toBe(200);
    expect(switched.headers.get("set-cookie")).toContain(second.workspaceId);
  });
});
