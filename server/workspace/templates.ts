import type { Caller } from "@/server/auth/caller";
import { LOCALES } from "@/server/connect/locales";
import { templatePlaceholders } from "@/server/connect/templates";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { TemplateOutput } from "@/server/workspace/schemas";

const templateSelect = { id: true, name: true, content: true } satisfies Prisma.TemplateSelect;

/** Only text per known locale is a template's content; anything else stored is not sendable. */
export function textPerLocale(content: Prisma.JsonValue): TemplateOutput["content"] {
  const texts: TemplateOutput["content"] = {};
  if (content === null || typeof content !== "object" || Array.isArray(content)) return texts;
  for (const locale of LOCALES) {
    const text = content[locale];
    if (typeof text === "string") texts[locale] = text;
  }
  return texts;
}

/** The templates agents insert with `/` (the same ones the API's `templateId` accepts): deleted ones are gone. */
export async function listTemplates(db: Db, caller: Caller): Promise<TemplateOutput[]> {
  const rows = await db.template.findMany({
    where: { workspaceId: caller.workspaceId, deletedAt: null },
    select: templateSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => {
    const content = textPerLocale(row.content);
    const placeholders = LOCALES.flatMap((locale) => templatePlaceholders(content[locale] ?? ""));
    return { id: row.id, name: row.name, content, placeholders: [...new Set(placeholders)] };
  });
}
