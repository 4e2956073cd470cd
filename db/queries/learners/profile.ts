import type { Db } from "../../client";
import { jsonValues, read } from "../../sql";

/**
 * The profile fields of Open edX's learner object in its last API version (docs/edx-api.md §
 * Profile fields), null when unknown. They are read from `users` for the learners of one answer
 * only — a page, one learner, an export batch that asks for them — so the summary rows the roster
 * sorts and filters on carry no copy of them.
 */
export interface LearnerProfile {
  /** The user's Lantern id: the LMS's own id when an import gave one. */
  user_id: string;
  language: string | null;
  location: string | null;
  year_of_birth: number | null;
  level_of_education: string | null;
  gender: string | null;
  mailing_address: string | null;
  city: string | null;
  country: string | null;
  goals: string | null;
}

export const PROFILE_FIELDS = [
  "user_id",
  "language",
  "location",
  "year_of_birth",
  "level_of_education",
  "gender",
  "mailing_address",
  "city",
  "country",
  "goals",
] as const satisfies readonly (keyof LearnerProfile)[];

const PROFILES = read(
  "learners/profile.of-users",
  `SELECT id AS user_id, language, location, year_of_birth, level_of_education, gender, mailing_address, city, country, goals
  FROM users WHERE id IN (SELECT value FROM json_each(?))`,
  {
    user_id: "text",
    language: "text?",
    location: "text?",
    year_of_birth: "int?",
    level_of_education: "text?",
    gender: "text?",
    mailing_address: "text?",
    city: "text?",
    country: "text?",
    goals: "text?",
  },
  {
    postgres: `SELECT id AS user_id, language, location, year_of_birth, level_of_education, gender, mailing_address, city, country, goals
  FROM users WHERE id IN (${jsonValues("?")})`,
  },
);

/** The profiles of some users, by user id (one indexed lookup each). */
export function profilesOf(s: Db["$client"], userIds: readonly string[]): Map<string, LearnerProfile> {
  if (userIds.length === 0) return new Map();
  const rows = PROFILES.all(s, JSON.stringify(userIds));
  return new Map(rows.map((r) => [r.user_id, r]));
}
