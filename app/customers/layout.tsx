import { memberPage } from "@/app/member-page";
import { CustomersShell } from "@/components/customers/customers-shell";

export const metadata = { title: "Customers · Connect Inbox" };

/** A layout, so the list (its search, its scroll, the focused row) stays while profiles change. */
export default async function CustomersLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <CustomersShell {...(await memberPage("/customers"))} />
      {children}
    </>
  );
}
