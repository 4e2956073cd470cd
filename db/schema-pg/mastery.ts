import { bigint, doublePrecision, integer, pgTable } from "drizzle-orm/pg-core";
import { objectives } from "./courses";
import { text } from "./text";

// The PostgreSQL twin of db/schema/mastery.ts.

export const masteryModels = pgTable("mastery_models", {
  objectiveId: text("objective_id")
    .primaryKey()
    .references(() => objectives.id, { onDelete: "cascade" }),
  prior: doublePrecision("prior").notNull(),
  learn: doublePrecision("learn").notNull(),
  guess: doublePrecision("guess").notNull(),
  slip: doublePrecision("slip").notNull(),
  forget: doublePrecision("forget").notNull(),
  fitted: integer("fitted").notNull(),
  /** Every graded attempt on the objective by anyone, over the years: bigint. */
  attempts: bigint("attempts", { mode: "number" }).notNull(),
  users: integer("users").notNull(),
  logLikelihood: doublePrecision("log_likelihood"),
  fittedAt: text("fitted_at").notNull(),
});
