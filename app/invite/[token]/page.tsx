import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { InviteScreen } from "@/components/auth/invite-screen";
import { inviteStrings } from "@/components/auth/strings";
import { acceptedLanguages, pickUiLocale } from "@/components/i18n/ui-locale";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db/client";
import { previewInvitation } from "@/server/invitations/lookup";
import { InvitationToken } from "@/server/invitations/schemas";

export const metadata = { title: "Invitation · Connect Inbox" };

/** /invite/<token>: what the invitation is for, and the way in for whoever opened it. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const token = InvitationToken.safeParse(raw);
  const [preview, session] = await Promise.all([
    token.success ? previewInvitation(db(), token.data) : null,
    getServerSession(authOptions()),
  ]);
  const user = session
    ? await db().user.findUnique({ where: { id: session.user.id }, select: { email: true, locale: true } })
    : null;
  const locale = pickUiLocale(user?.locale, acceptedLanguages((await headers()).get("accept-language")));
  return (
    <InviteScreen
      token={token.success ? token.data : ""}
      preview={preview}
      signedInAs={user?.email ?? null}
      locale={locale}
      t={inviteStrings[locale]}
    />
  );
}
