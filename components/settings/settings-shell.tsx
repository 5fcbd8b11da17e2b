"use client";
import Link from "next/link";
import { trpc } from "@/client/trpc";
import { useStrings } from "@/components/i18n/locale";
import { MemberPageFrame, type MemberPageProps } from "@/components/inbox/member-page-frame";
import { PageHeader } from "@/components/inbox/page-header";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { LivePage } from "@/components/live/live-page";
import { SectionContent } from "@/components/settings/section-content";
import { AGENT_SECTIONS, type SettingsSection } from "@/components/settings/sections";
import { ToastProvider } from "@/components/ui/toast";

export function SettingsShell({ section, ...page }: MemberPageProps & { section: SettingsSection }) {
  return (
    <MemberPageFrame {...page} beside={<LivePage />}>
      <SettingsToasts>
        <Shell section={section} />
      </SettingsToasts>
    </MemberPageFrame>
  );
}

function SettingsToasts({ children }: { children: React.ReactNode }) {
  const t = useStrings("settings");
  return <ToastProvider closeLabel={t.close}>{children}</ToastProvider>;
}

function Shell({ section }: { section: SettingsSection }) {
  const t = useStrings("settings");
  const account = useStrings("account");
  const members = useStrings("members");
  const channels = useStrings("channels");
  const templates = useStrings("templates");
  const labels = useStrings("labels");
  const workspace = useStrings("workspaceSettings");
  const audit = useStrings("audit");
  const webhooks = useStrings("webhooks");
  const me = trpc.v1.workspace.me.useQuery();
  useShortcut("inbox.open", () => {
    window.location.assign("/inbox");
    return true;
  });
  useShortcut("customers.open", () => {
    window.location.assign("/customers");
    return true;
  });
  const all: { id: SettingsSection; label: string }[] = [
    { id: "workspace", label: workspace.title },
    { id: "members", label: members.title },
    { id: "channels", label: channels.title },
    { id: "templates", label: templates.title },
    { id: "labels", label: labels.title },
    { id: "ai-agents", label: t.aiAgents },
    { id: "api-keys", label: t.apiKeys },
    { id: "webhooks", label: webhooks.title },
    { id: "audit-log", label: audit.title },
    { id: "account", label: account.account },
  ];
  // Agents see their own sections only (the server refuses the rest to them regardless).
  const sections = me.data?.role === "agent" ? all.filter((s) => AGENT_SECTIONS.includes(s.id)) : all;
  const current = all.find((s) => s.id === section);
  return (
    <div className="grid min-h-dvh grid-rows-[auto_1fr]">
      <PageHeader backLabel={t.backToInbox} />
      <div className="grid min-h-0 grid-cols-1 md:grid-cols-[14rem_1fr]">
        <nav aria-label={t.sections} className="border-b border-slate-200 p-4 md:border-e md:border-b-0">
          <p className="mb-3 px-2 text-sm font-semibold text-slate-500">{t.title}</p>
          <ul className="flex flex-wrap gap-1 md:flex-col">
            {sections.map((s) => (
              <li key={s.id}>
                <Link
                  href={`/settings/${s.id}`}
                  aria-current={s.id === section ? "page" : undefined}
                  className={`block rounded-md px-2 py-1.5 text-sm ${
                    s.id === section
                      ? "bg-blue-50 font-medium text-blue-900"
                      : "text-slate-700 hover:bg-slate-50"
                  }`}
                >
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 p-6">
          <div className="max-w-4xl">
            <h1 className="mb-2 text-xl font-semibold">{current?.label}</h1>
            <SectionContent section={section} />
          </div>
        </main>
      </div>
    </div>
  );
}
