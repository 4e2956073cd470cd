import { NoSuchGoal } from "./_components/no-such-goal";

/** Shown inside the course layout (the course is readable; only the goal is unknown). */
export default function GoalNotFound() {
  return <NoSuchGoal />;
}
