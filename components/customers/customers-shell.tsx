"use client";
import { usePathname } from "next/navigation";
import { trpc } from "@/client/trpc";
import { CustomerList } from "@/components/customers/customer-list";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { useStrings } from "@/components/i18n/locale";
import { MemberPageFrame, type MemberPageProps } from "@/components/inbox/member-page-frame";
import { PageHeader } from "@/components/inbox/page-header";
import { useShortcut } from "@/components/keyboard/keyboard-provider";
import { LivePage } from "@/components/live/live-page";
import { ToastProvider } from "@/components/ui/toast";

/** The Customers page: the searchable list beside the chosen customer's profile. */
export function CustomersShell(props: MemberPageProps) {
  const customerId = useCustomerIdInPath();
  return (
    <MemberPageFrame {...props} beside={<CustomersLive />}>
      <CustomersToasts>
        <Shell customerId={customerId} />
      </CustomersToasts>
    </MemberPageFrame>
  );
}

/** The customers, their profiles and conversations follow what changes while the page is open. */
function CustomersLive() {
  const utils = trpc.useUtils();
  return <LivePage onChange={() => void utils.v1.customers.invalidate()} />;
}

/** `/customers/<id>`: the customer whose profile is open, else none. */
function useCustomerIdInPath(): string | null {
  const id = usePathname().split("/")[2];
  return id ? decodeURIComponent(id) : null;
}

function CustomersToasts({ children }: { children: React.ReactNode }) {
  const t = useStrings("settings");
  return <ToastProvider closeLabel={t.close}>{children}</ToastProvider>;
}

function Shell({ customerId }: { customerId: string | null }) {
  const t = useStrings("customers");
  useShortcut("inbox.open", () => {
    window.location.assign("/inbox");
    return true;
  });
  useShortcut("settings.open", () => {
    window.location.assign("/settings/api-keys");
    return true;
  });
  return (
    <div className="grid h-dvh grid-rows-[auto_1fr]">
      <PageHeader backLabel={t.backToInbox} />
      <div className="grid min-h-0 grid-cols-1 md:grid-cols-[minmax(16rem,24rem)_1fr]">
        <nav
          aria-label={t.list}
          className="flex min-h-0 flex-col border-b border-slate-200 md:border-e md:border-b-0"
        >
          <h1 className="px-4 pt-4 text-xl font-semibold">{t.title}</h1>
          <CustomerList selectedId={customerId} />
        </nav>
        <main className="min-h-0 min-w-0 overflow-y-auto">
          {customerId ? (
            <CustomerProfile key={customerId} customerId={customerId} />
          ) : (
            <p className="p-6 text-sm text-slate-600">{t.selectCustomer}</p>
          )}
        </main>
      </div>
    </div>
  );
}
