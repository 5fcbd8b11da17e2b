import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { LABEL_COLOR_NAMES, LABEL_COLORS } from "@/server/labels/colors";
import { badFields, errorCode, trpcError } from "@/server/test/errors";
import { createTestWorkspace, sessionCaller } from "@/server/test/fixtures";

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("label colours", () => {
  it("are ten named pairs whose text is readable on their background (at least 7:1)", () => {
    expect(LABEL_COLOR_NAMES).toHaveLength(10);
    for (const { background, text } of Object.values(LABEL_COLORS)) {
      expect(contrast(background, text)).toBeGreaterThanOrEqual(7);
    }
  });
});

describe("v1.labels", () => {
  it("creates, renames, recolours and deletes a label, each change audited", async () => {
    const ws = await createTestWorkspace();
    const api = sessionCaller(ws.owner).v1.labels;
    const created = await api.create({ name: " VIP ", color: "amber" });
    expect(created).toEqual({ id: expect.any(String), name: "VIP", color: "amber" });
    const renamed = await api.update({ id: created.id, name: "Key account" });
    const recoloured = await api.update({ id: created.id, color: "purple" });
    expect(recoloured).toEqual({ id: created.id, name: "Key account", color: "purple" });
    expect(renamed.color).toBe("amber");
    expect(await api.list()).toEqual([recoloured]);
    await api.delete({ id: created.id });
    expect(await api.list()).toEqual([]);
    expect(await db().label.count({ where: { workspaceId: ws.workspaceId } })).toBe(0);

    const audit = await db().auditEntry.findMany({
      where: { workspaceId: ws.workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, targetLabel: true, data: true },
    });
    expect(audit).toEqual([
      { action: "label.created", targetLabel: "VIP", data: { color: "amber" } },
      {
        action: "label.updated",
        targetLabel: "Key account",
        data: { name: { from: "VIP", to: "Key account" } },
      },
      {
        action: "label.updated",
        targetLabel: "Key account",
        data: { color: { from: "amber", to: "purple" } },
      },
      { action: "label.deleted", targetLabel: "Key account", data: { color: "purple" } },
    ]);
  });

  it("keeps names unique whatever their case, with an error naming name", async () => {
    const ws = await createTestWorkspace();
    const api = ws.owner.api.v1.labels;
    await api.create({ name: "Refund", color: "red" });
    const clash = await trpcError(api.create({ name: "REFUND", color: "blue" }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toMatch(/^name: /);
    const other = await api.create({ name: "Bug", color: "gray" });
    expect((await trpcError(api.update({ id: other.id, name: "refund" }))).message).toMatch(/^name: /);
    expect((await api.list()).map((l) => l.name)).toEqual(["Bug", "Refund"]);
  });

  it("refuses bad input with a 400 naming the field: a blank name, a colour not in the palette", async () => {
    const ws = await createTestWorkspace();
    const api = ws.owner.api.v1.labels;
    expect(await badFields(api.create({ name: " ", color: "red" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["name"],
    });
    // @ts-expect-error: CSS is not a palette colour
    expect(await badFields(api.create({ name: "Hot", color: "#ff0000" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["color"],
    });
    const { id } = await api.create({ name: "Hot", color: "red" });
    // @ts-expect-error: not a palette colour
    expect(await badFields(api.update({ id, color: "crimson" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["color"],
    });
    expect(await badFields(api.update({ id, name: "x".repeat(51) }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["name"],
    });
    expect(await badFields(api.delete({ id: "" }))).toEqual({ code: "BAD_REQUEST", fields: ["id"] });
  });

  it("lets every member list, only owners and admins change; another workspace's label is not found", async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const admin = await ws.addMember("admin");
    const agent = await ws.addMember("agent");
    const mine = await admin.api.v1.labels.create({ name: "Mine", color: "green" });
    const theirs = await other.owner.api.v1.labels.create({ name: "Theirs", color: "teal" });
    expect(await agent.api.v1.labels.list()).toEqual([mine]);
    for (const call of [
      () => agent.api.v1.labels.create({ name: "N", color: "red" }),
      () => agent.api.v1.labels.update({ id: mine.id, name: "Renamed" }),
      () => agent.api.v1.labels.delete({ id: mine.id }),
    ]) {
      expect(await errorCode(call())).toBe("FORBIDDEN");
    }
    for (const call of [
      () => admin.api.v1.labels.update({ id: theirs.id, color: "red" }),
      () => admin.api.v1.labels.delete({ id: theirs.id }),
    ]) {
      const error = await trpcError(call());
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("id: no such label");
    }
    expect(await db().label.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ color: "teal" });
  });
});
