import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/server/http/callback-url";

describe("the page after sign-in", () => {
  it("keeps paths on this site", () => {
    expect(sameOriginPath("/inbox/abc?status=open#m1")).toBe("/inbox/abc?status=open#m1");
    expect(sameOriginPath("/settings/api-keys")).toBe("/settings/api-keys");
  });

  it("sends every spelling of another origin to the inbox", () => {
    for (const attempt of [
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "\\\\evil.example",
      "https://evil.example/inbox",
      "javascript:alert(1)",
      " /inbox",
      "",
      undefined,
    ]) {
      expect(sameOriginPath(attempt), JSON.stringify(attempt)).toBe("/inbox");
    }
  });
});
