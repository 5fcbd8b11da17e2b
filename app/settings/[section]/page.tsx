import { notFound } from "next/navigation";
import { memberPage } from "@/app/member-page";
import { isSettingsSection } from "@/components/settings/sections";
import { SettingsShell } from "@/components/settings/settings-shell";

export const metadata = { title: "Settings · Connect Inbox" };

export default async function SettingsPage({ params }: { params: Promise<{ section: string }> }) {
  const { section } = await params;
  if (!isSettingsSection(section)) notFound();
  return <SettingsShell section={section} {...(await memberPage(`/settings/${section}`))} />;
}
