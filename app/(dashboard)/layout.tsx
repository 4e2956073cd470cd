import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { readableCourses } from "@/db/queries/course-list";
import { sessionCaller } from "@/lib/api/caller";
import { LocaleProvider } from "@/components/locale";
import { TopBar } from "@/components/top-bar";
import { requestLocale } from "./_lib/locale";

// Pages read the session and the database on every request.
export const dynamic = "force-dynamic";

/** Every dashboard page: signed in (the proxy redirects first; this is the server-side check), with the top bar. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const db = getDb();
  const caller = await sessionCaller(db);
  if (!caller) redirect("/sign-in");
  const [courses, locale] = await Promise.all([readableCourses(db, caller), requestLocale()]);
  return (
    <LocaleProvider locale={locale}>
      <TopBar
        user={{ name: caller.name || caller.username, username: caller.username, role: caller.role }}
        courses={courses}
      />
      {children}
    </LocaleProvider>
  );
}
