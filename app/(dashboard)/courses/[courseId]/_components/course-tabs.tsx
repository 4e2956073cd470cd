"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { coursePath, goalsPath, rosterPath, segmentValue } from "@/lib/dashboard/paths";
import styles from "./course.module.css";

/** The course's sections; the current one is marked for the eye and for screen readers. */
export function CourseTabs({ courseId }: { courseId: string }) {
  // Compared decoded: the router may hand back the path with or without its escapes.
  const pathname = segmentValue(usePathname());
  const overview = coursePath(courseId);
  const roster = rosterPath(courseId);
  const goals = goalsPath(courseId);
  const tabs = [
    { href: overview, label: "Overview", current: pathname === segmentValue(overview) },
    { href: roster, label: "Learners", current: pathname.startsWith(segmentValue(roster)) },
    { href: goals, label: "Goals", current: pathname.startsWith(segmentValue(goals)) },
  ];
  return (
    <nav aria-label="Course sections" className={`${styles.courseTabs} course-tabs`}>
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={t.current ? "page" : undefined} className={styles.courseTab}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
