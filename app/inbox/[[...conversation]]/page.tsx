import { memberPage } from "@/app/member-page";
import { InboxShell } from "@/components/inbox/inbox-shell";

export const metadata = { title: "Inbox · Connect Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ conversation?: string[] }> }) {
  const conversationId = (await params).conversation?.[0];
  const page = await memberPage(conversationId ? `/inbox/${conversationId}` : "/inbox");
  return <InboxShell {...page} />;
}
