import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { authOptions } from "@/server/auth/options";

export const metadata = { title: "Inbox · Connect Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ conversation?: string[] }> }) {
  const session = await getServerSession(authOptions());
  const { conversation } = await params;
  const conversationId = conversation?.[0] ?? null;
  if (!session)
    redirect(
      `/sign-in?callbackUrl=${encodeURIComponent(conversationId ? `/inbox/${conversationId}` : "/inbox")}`,
    );
  const browserLanguages = ((await headers()).get("accept-language") ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter(Boolean);
  return <InboxShell browserLanguages={browserLanguages} />;
}
