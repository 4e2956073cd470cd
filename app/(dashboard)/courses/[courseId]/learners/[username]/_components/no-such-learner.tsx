"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { rosterPath, segmentValue } from "@/lib/dashboard/paths";
import styles from "./learner.module.css";

/**
 * The answer for a username that never enrolled in the course (or does not exist: the two are not
 * told apart). A client component because not-found pages get no params, and the username the
 * reader asked for is the useful part of the message.
 */
export function NoSuchLearner() {
  const params = useParams<{ courseId: string; username: string }>();
  const courseId = segmentValue(params.courseId);
  return (
    <section className={`card notice ${styles.learnerMissing}`}>
      <h2>No learner “{segmentValue(params.username)}” in this course</h2>
      <p>Nobody with that username has enrolled in this course. Check the link, or find the learner in the list.</p>
      <p>
        <Link href={rosterPath(courseId)} className="button">
          All learners
        </Link>
      </p>
    </section>
  );
}
