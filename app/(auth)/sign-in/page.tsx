import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { sessionCaller } from "@/lib/api/caller";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await sessionCaller(getDb())) redirect(callbackUrl);
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-brand" aria-hidden="true">
          <img src="/icon.svg" alt="" width={40} height={40} />
        </div>
        <h1>Sign in to Lantern</h1>
        <p className="auth-lede">Your learners, at a glance.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
