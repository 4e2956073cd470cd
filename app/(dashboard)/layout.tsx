import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { sessionCaller } from "@/lib/api/caller";
import { TopBar } from "@/components/top-bar";

// Pages read the session and the database on every request.
export const dynamic = "force-dynamic";

/** Every dashboard page: signed in (the proxy redirects first; this is the server-side check), with the top bar. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const caller = await sessionCaller(getDb());
  if (!caller) redirect("/sign-in");
  return (
    <>
      <TopBar user={{ name: caller.name || caller.username, username: caller.username, role: caller.role }} />
      {children}
    </>
  );
}
