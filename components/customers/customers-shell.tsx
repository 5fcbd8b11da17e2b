"use client";
import { usePathname } from "next/navigation";
import { trpc } from "@/client/trpc";
import { CustomerList } from "@/components/customers/customer-list";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { UiLanguageProvider, useStrings } from "@/components/i18n/locale";
import { pickUiLocale, type UiLocale } from "@/components/i18n/ui-locale";
import type { UiStrings } from "@/components/i18n/ui-strings";
import { PageHeader } from "@/components/inbox/page-header";
import { KeyboardLayer } from "@/components/keyboard/keyboard-layer";
import { KeyboardProvider, useShortcut } from "@/components/keyboard/keyboard-provider";
import { ToastProvider } from "@/components/ui/toast";

/** The Customers page: the searchable list beside the chosen customer's profile. */
export function CustomersShell({
  browserLanguages,
  locale,
  strings,
}: {
  browserLanguages: string[];
  /** The language the server rendered the page in, and its strings. */
  locale: UiLocale;
  strings: UiStrings;
}) {
  const customerId = useCustomerIdInPath();
  const me = trpc.v1.workspace.me.useQuery();
  const wanted = me.data ? pickUiLocale(me.data.user.locale, browserLanguages) : locale;
  return (
    <UiLanguageProvider wanted={wanted} initial={{ locale, strings }}>
      <KeyboardProvider enabled={me.data?.user.shortcutsEnabled ?? true}>
        <CustomersToasts>
          <Shell customerId={customerId} />
        </CustomersToasts>
        <KeyboardLayer />
      </KeyboardProvider>
    </UiLanguageProvider>
  );
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
