import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/db/queries/api-keys";
import { sessionCaller } from "@/lib/api/caller";
import { ApiKeys } from "./_components/api-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const db = getDb();
  const caller = await sessionCaller(db);
  if (!caller) redirect("/sign-in?callbackUrl=/settings/api-keys");
  const keys = await listApiKeys(db, caller.userId);
  return (
    <main className="page narrow">
      <header className="page-header">
        <h1>API keys</h1>
        <p className="lede">
          A key acts with your rights ({caller.role === "admin" ? "administrator" : "your courses and registrations"}).
          Send it as <code>Authorization: Bearer &lt;key&gt;</code>, or as HTTP Basic with the key id as user name and
          the secret as password (xAPI senders such as Open edX).
        </p>
      </header>
      <ApiKeys initialKeys={keys} />
    </main>
  );
}
