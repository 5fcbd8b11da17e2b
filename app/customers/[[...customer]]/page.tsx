/** The customer shown is read from the address by the layout's shell (components/customers/customers-shell.tsx). */
export default function CustomersPage() {
  return null;
}
