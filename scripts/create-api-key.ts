// `npm run api-key:create -- --email owner@example.com --workspace demo --name "CI"`:
// a new API key for that user's membership in the workspace (slug or id), printed once.
import { parseArgs } from "node:util";
import { createApiKey } from "@/server/api-keys/create";
import { CreateApiKeyInput } from "@/server/api-keys/schemas";
import { createDb } from "@/server/db/client";

const USAGE =
  'usage: npm run api-key:create -- --email <user email> --workspace <slug or id> --name "<key name>"';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, workspace: { type: "string" }, name: { type: "string" } },
  });
  const email = values.email?.trim().toLowerCase();
  const workspace = values.workspace?.trim();
  const name = values.name?.trim();
  if (!email || !workspace || !name) {
    console.error(USAGE);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: point it at the inbox's database.");
    return 2;
  }
  const db = createDb(databaseUrl);
  try {
    const member = await db.member.findFirst({
      where: { user: { email }, workspace: { OR: [{ slug: workspace }, { id: workspace }] } },
      select: { id: true, workspaceId: true },
    });
    if (!member) {
      console.error(`${email} is not a member of a workspace "${workspace}".`);
      return 1;
    }
    const created = await createApiKey(
      db,
      { workspaceId: member.workspaceId, memberId: member.id },
      CreateApiKeyInput.parse({ name }),
    );
    console.error(`API key "${created.name}" (${created.prefix}…) created. It is shown this once:`);
    console.log(created.key);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
