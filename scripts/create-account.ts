// `npm run account:create -- --email ada@example.com --name "Ada" --workspace "Acme"`: a person,
// their workspace and their ownership of it, as the sign-up page makes them, for servers where
// open sign-up is off (OPEN_SIGNUP=false). The password comes from ACCOUNT_PASSWORD, else one is
// generated and printed this once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb } from "@/server/db/client";
import { SignUpInput } from "@/server/signup/schemas";
import { createAccountWithWorkspace } from "@/server/signup/sign-up";

const USAGE =
  'usage: [ACCOUNT_PASSWORD=…] npm run account:create -- --email <email> --name "<name>" --workspace "<workspace name>"';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, workspace: { type: "string" } },
  });
  if (!values.email || !values.name || !values.workspace) {
    console.error(USAGE);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: point it at the inbox's database.");
    return 2;
  }
  const given = process.env.ACCOUNT_PASSWORD;
  const password = given || randomBytes(18).toString("base64url");
  const input = SignUpInput.safeParse({
    email: values.email,
    name: values.name,
    workspaceName: values.workspace,
    password,
  });
  if (!input.success) {
    for (const issue of input.error.issues) {
      const field = issue.path[0] === "password" ? "ACCOUNT_PASSWORD" : `--${String(issue.path[0])}`;
      console.error(`${field}: ${issue.message}`);
    }
    return 2;
  }
  const db = createDb(databaseUrl);
  try {
    const created = await createAccountWithWorkspace(db, input.data);
    console.error(
      `Account ${input.data.email} created, owner of "${created.workspace.name}" (${created.workspace.slug}).`,
    );
    if (!given) {
      console.error("Its password is shown this once:");
      console.log(password);
    }
    return 0;
  } catch (error) {
    // A taken address names its field, as the sign-up page does.
    if (error instanceof Error && /^email: /.test(error.message)) {
      console.error(`--${error.message}`);
      return 1;
    }
    throw error;
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
