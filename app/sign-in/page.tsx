import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in · Connect Inbox" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used as an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/inbox";
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Sign in to Connect Inbox</h1>
        <p className="mb-6 text-sm text-slate-600">Use your workspace email and password.</p>
        <SignInForm callbackUrl={next} />
      </div>
    </main>
  );
}
