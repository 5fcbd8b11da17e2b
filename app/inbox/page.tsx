import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { authOptions } from "@/server/auth/options";

export const metadata = { title: "Inbox · Connect Inbox" };

export default async function InboxPage() {
  await connection();
  const session = await getServerSession(authOptions());
  if (!session) redirect("/sign-in?callbackUrl=/inbox");
  return <InboxShell />;
}
