import { NoSuchLearner } from "./_components/no-such-learner";

/** Shown inside the course layout (the course is readable; only the learner is unknown). */
export default function LearnerNotFound() {
  return <NoSuchLearner />;
}
