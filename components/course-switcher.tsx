"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { useRef, useState } from "react";
import type { CourseRef } from "@/db/queries/course-list";
import { coursePath, goalsPath, rosterPath, segmentValue } from "@/lib/dashboard/paths";
import styles from "./course-switcher.module.css";

/** Past this many courses the menu gets a filter box. */
const FILTER_FROM = 8;

/**
 * The course tab a path is on, so that switching course keeps it: Learners → Learners, Goals →
 * Goals; a learner's or a goal's page (which the other course may not have) → that tab's list.
 */
function sameTab(pathname: string): (courseId: string) => string {
  const tab = /^\/courses\/[^/]+\/(learners|goals)(\/|$)/.exec(pathname)?.[1];
  return tab === "learners" ? (id) => rosterPath(id) : tab === "goals" ? goalsPath : coursePath;
}

/** The top bar's course menu: the current course, and a jump to any other the user may read, on the same tab. */
export function CourseSwitcher({ courses }: { courses: CourseRef[] }) {
  const params = useParams<{ courseId?: string }>();
  const hrefOf = sameTab(usePathname());
  const currentId = params.courseId ? segmentValue(params.courseId) : null;
  const current = courses.find((c) => c.id === currentId);
  const [filter, setFilter] = useState("");
  const menu = useRef<HTMLDetailsElement>(null);
  const q = filter.trim().toLowerCase();
  const shown = q
    ? courses.filter((c) => c.title.toLowerCase().includes(q) || c.id.toLowerCase().includes(q))
    : courses;
  const close = () => menu.current?.removeAttribute("open");
  return (
    <details
      className={`${styles.courseSwitcher} course-switcher`}
      ref={menu}
      onKeyDown={(e) => {
        if (e.key === "Escape" && menu.current?.open) {
          close();
          menu.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary aria-label={current ? `Course: ${current.title || current.id}. Switch course` : "Switch course"}>
        <span className={styles.courseSwitcherLabel}>{current ? current.title || current.id : "Courses"}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          <path
            d="M4 6l4 4 4-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </summary>
      <div className={`${styles.courseSwitcherPanel} course-switcher-panel`}>
        {courses.length > FILTER_FROM && (
          <>
            <label htmlFor="course-switcher-filter" className="visually-hidden">
              Find a course
            </label>
            <input
              id="course-switcher-filter"
              type="search"
              placeholder="Find a course"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </>
        )}
        {courses.length === 0 ? (
          <p className={`muted ${styles.courseSwitcherEmpty}`}>No courses yet.</p>
        ) : (
          <ul>
            {shown.map((c) => (
              <li key={c.id}>
                <Link href={hrefOf(c.id)} aria-current={c.id === currentId ? "page" : undefined} onClick={close}>
                  <span className={styles.courseSwitcherTitle}>{c.title || c.id}</span>
                  <span className={styles.courseSwitcherId}>{c.id}</span>
                </Link>
              </li>
            ))}
            {shown.length === 0 && <li className={`muted ${styles.courseSwitcherEmpty}`}>No course matches.</li>}
          </ul>
        )}
        <Link href="/" className={styles.courseSwitcherAll} onClick={close}>
          All courses
        </Link>
      </div>
    </details>
  );
}
