import { expect, test } from "@playwright/test";
import { createPlatoClient } from "@/client/plato";
import { E2E_BASE_URL } from "@/e2e/config";
import { PEOPLE_PASSWORD, signedUpOwner, signInAs, uniqueEmail } from "@/e2e/people";

test.describe.configure({ timeout: 180_000 });
test.use({ storageState: { cookies: [], origins: [] } });
const FIRST_PAINT = { timeout: 30_000 };

test("a new team: sign up, invite a colleague who joins in another browser, add a channel and a template the colleague answers with, change their role, remove them", async ({
  page,
  browser,
}, info) => {
  const ownerEmail = uniqueEmail("founder", info.workerIndex);
  const inviteeEmail = uniqueEmail("colleague", info.workerIndex);
  const workspaceName = `Journey ${info.workerIndex} ${Date.now().toString(36)}`;

  // Sign up from the sign-in page.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.getByLabel("Your name").fill("Ada Founder");
  await page.getByLabel("Email").fill(ownerEmail.toUpperCase());
  await page.getByLabel("Password").fill("password123");
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create account" }).click();
  // A common password is refused beside its field.
  await expect(page.getByText("This is one of the most common passwords. Choose another.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Password").fill(PEOPLE_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/inbox/, FIRST_PAINT);
  await expect(page.getByText(workspaceName).first()).toBeVisible(FIRST_PAINT);
  await expect(page.getByText("No conversations here")).toBeVisible(FIRST_PAINT);
  await expect(page.locator("a[data-conversation-id]")).toHaveCount(0);
  await page.screenshot({ path: info.outputPath("1-new-inbox.png") });

  // Settings → Members → invite.
  await page.getByRole("link", { name: "Settings" }).click();
  await page
    .getByRole("navigation", { name: "Settings sections" })
    .getByRole("link", { name: "Members" })
    .click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible(FIRST_PAINT);
  await expect(page.locator(`[data-member-id]`)).toHaveCount(1);
  await page.getByLabel("Email address").fill(inviteeEmail);
  await page.getByLabel("Role").selectOption("agent");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const notice = page.locator("[data-invitation-link]");
  await expect(notice).toBeVisible();
  await expect(notice.locator("[data-mail-status]")).toHaveAttribute("data-mail-status", "off");
  const linkField = notice.getByLabel("Invitation link");
  await expect(linkField).toBeFocused();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.locator("[data-invitation-id]")).toContainText(inviteeEmail);
  await page.screenshot({ path: info.outputPath("2-invited.png"), fullPage: true });

  // The invitee, in a browser of their own, creates their account and joins.
  const inviteeContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible(FIRST_PAINT);
  await expect(
    invitee.getByText(`Ada Founder invited you to join ${workspaceName} as an agent.`),
  ).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
  await invitee.screenshot({ path: info.outputPath("3-invite-page.png") });
  await invitee.getByLabel("Your name").fill("Cem Colleague");
  await invitee.getByLabel("Password").fill(PEOPLE_PASSWORD);
  await invitee.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitee).toHaveURL(/\/inbox/, FIRST_PAINT);
  await expect(invitee.getByText(workspaceName).first()).toBeVisible(FIRST_PAINT);
  // The link worked once.
  const again = await inviteeContext.newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
  await again.close();

  // The owner adds a channel for the API and a template; an API key of theirs opens a
  // conversation on that channel, and the colleague answers it with the template.
  const token = `${info.workerIndex}${Date.now().toString(36)}`;
  const identifier = `chat-${token}.example`;
  const nav = page.getByRole("navigation", { name: "Settings sections" });
  await nav.getByRole("link", { name: "Channels" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible(FIRST_PAINT);
  await page.getByLabel("Name", { exact: true }).fill("Web chat");
  await page.getByLabel("Kind", { exact: true }).selectOption("website");
  await page.getByLabel("Identifier").fill(identifier);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.locator("tr", { hasText: identifier })).toBeVisible();

  await nav.getByRole("link", { name: "Templates" }).click();
  await page.getByRole("button", { name: "New template" }).click(FIRST_PAINT);
  const editor = page.getByRole("dialog", { name: "New template" });
  await editor.getByLabel("Name", { exact: true }).fill("Welcome");
  await editor
    .getByLabel("Text in English")
    .fill('Hello {{customer.name | "there"}}, thanks for writing to us.');
  await editor.getByRole("button", { name: "Save template" }).click();
  await expect(editor).toBeHidden();

  await nav.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Key name").fill("Website widget", FIRST_PAINT);
  await page.getByRole("button", { name: "Create key" }).click();
  const apiKey = await page.getByLabel("Your new API key").inputValue();
  const api = createPlatoClient({ baseUrl: E2E_BASE_URL, apiKey });
  const conversation = await api.v1.conversations.create.mutate({
    customer: { name: "Zeynep Müşteri", email: `zeynep-${token}@example.com` },
    channelIdentifier: identifier,
    subject: "First question",
  });
  await api.v1.connect.send.mutate({
    conversationId: conversation.id,
    sender: "customer",
    content: { en: "Hello, is anyone there?" },
  });

  await invitee.goto(`/inbox/${conversation.id}`);
  const reply = invitee.getByRole("textbox", { name: "Message in English" });
  await reply.click(FIRST_PAINT);
  await reply.pressSequentially("/Welc");
  await expect(invitee.getByRole("option", { name: /Welcome/ })).toBeVisible();
  await reply.press("Enter");
  await expect(reply).toHaveValue("Hello Zeynep Müşteri, thanks for writing to us.");
  await reply.press("Control+Enter");
  await expect(invitee.locator("article", { hasText: "thanks for writing to us" })).toContainText(
    "Cem Colleague",
  );
  // Stored as the colleague's message, with the template's text filled in.
  const stored = async () => {
    const { items } = await api.v1.connect.listMessages.query({ conversationId: conversation.id, limit: 10 });
    return items.find((m) => m.sender.type === "member")?.content ?? null;
  };
  await expect.poll(stored).toEqual({ en: "Hello Zeynep Müşteri, thanks for writing to us." });

  await nav.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible(FIRST_PAINT);

  // The owner sees them, and makes them an admin.
  await page.reload();
  const row = page.locator("[data-member-id]", { hasText: "Cem Colleague" });
  await expect(row).toBeVisible(FIRST_PAINT);
  await expect(row.locator("[data-role]")).toHaveText("Agent");
  await expect(page.getByText("No pending invitations.")).toBeVisible();
  await page.getByRole("button", { name: "Actions for Cem Colleague" }).click();
  await page.getByRole("menuitem", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change the role of Cem Colleague" });
  await dialog.getByLabel("New role").selectOption("admin");
  await page.screenshot({ path: info.outputPath("4-role-dialog.png") });
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator("[data-role]")).toHaveText("Admin");
  await expect(page.getByText("Cem Colleague is now Admin.", { exact: true })).toBeVisible();

  // …then removes them; their next page is the sign-in.
  await page.getByRole("button", { name: "Actions for Cem Colleague" }).click();
  await page.getByRole("menuitem", { name: "Remove from workspace" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove Cem Colleague?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
  await invitee.goto("/inbox");
  await expect(invitee).toHaveURL(/\/sign-in/, FIRST_PAINT);
  await inviteeContext.close();
});

test("someone with an account signs in from the invitation, joins, and the switcher lists both workspaces", async ({
  page,
  playwright,
}, info) => {
  const api = await playwright.request.newContext();
  const host = await signedUpOwner(api, info.workerIndex, `Host ${Date.now().toString(36)}`);
  const guest = await signedUpOwner(api, info.workerIndex, `Guest home ${Date.now().toString(36)}`);
  // The host signs in (over the API, with next-auth's own form post) and invites the guest.
  await signInAs(page, host.email);
  const thirdEmail = uniqueEmail("third", info.workerIndex);
  const [link, thirdLink] = await page.evaluate(
    (emails) =>
      Promise.all(
        emails.map(async (email) => {
          const response = await fetch("/api/trpc/v1.invitations.create", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email, role: "agent" }),
          });
          return ((await response.json()).result.data as { link: string }).link;
        }),
      ),
    [guest.email, thirdEmail],
  );
  if (!link || !thirdLink) throw new Error("no invitation links");
  await page.context().clearCookies();

  await page.goto(link);
  await expect(page.getByText("You already have an account with this address. Sign in to join.")).toBeVisible(
    FIRST_PAINT,
  );
  await page.getByRole("link", { name: "Sign in to join" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.locator('input[name="email"]').fill(guest.email);
  await page.locator('input[name="password"]').fill(PEOPLE_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/invite\//, FIRST_PAINT);
  await page.getByRole("button", { name: `Join ${host.workspace.name}` }).click();
  await expect(page).toHaveURL(/\/inbox/, FIRST_PAINT);
  const switcher = page.getByRole("combobox", { name: "Switch workspace" });
  await expect(switcher).toBeVisible(FIRST_PAINT);
  await expect(switcher.locator("option:checked")).toHaveText(host.workspace.name);
  await expect(switcher.locator("option")).toHaveText([guest.workspace.name, host.workspace.name]);

  // Signed in as someone else than the invited address, the page explains and offers to sign out.
  await page.goto(thirdLink);
  await expect(
    page.getByText(`You are signed in as ${guest.email}, but this invitation is for ${thirdEmail}.`),
  ).toBeVisible(FIRST_PAINT);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible(FIRST_PAINT);
  await expect(page.getByLabel("Email")).toHaveValue(thirdEmail);
  await api.dispose();
});
