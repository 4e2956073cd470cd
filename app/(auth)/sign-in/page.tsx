import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { sessionCaller } from "@/lib/api/caller";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SignInForm } from "./_components/sign-in-form";
import styles from "./_components/sign-in.module.css";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await sessionCaller(getDb())) redirect(callbackUrl);
  return (
    <main className={styles.authPage}>
      <div className={styles.authCard}>
        <div className="auth-brand" aria-hidden="true">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 40 px SVG: nothing for next/image to optimise */}
          <img src="/icon.svg" alt="" width={40} height={40} />
        </div>
        <h1>Sign in to Lantern</h1>
        <p className={styles.authLede}>Your learners, at a glance.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
