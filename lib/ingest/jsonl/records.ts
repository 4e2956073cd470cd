import { z } from "zod";
import { COMPLETION_STATUSES, STAFF_ROLES, USER_ROLES, USER_STATUSES } from "@/db/schema";
import { goalFieldsSchema } from "../goals";
import { gradedEventFields } from "../graded-events";
import { normaliseDate } from "../iso8601";
import { uuid } from "../xapi/schema";

/**
 * One strict zod schema per record type of docs/import-format.md § The file (an unknown field is an error).
 * Optional fields left out keep their stored value on an update; `null` clears a nullable one.
 */

const text = z.string().min(1, "must not be empty");
const key = text.max(255, "must be at most 255 characters");
const date = z.string().refine((v) => normaliseDate(v) !== null, "must be an ISO 8601 date or date-time");
const optionalDate = date.nullable().optional();
const optionalText = z.string().nullable().optional();
const percent = z.number().min(0).max(100);

// `@` is in every Open edX CCX key (`ccx-v1:Org+C+R+ccx@15`), which an xAPI statement can create.
export const COURSE_ID_RE = /^[A-Za-z0-9:+._~/@-]{1,255}$/;
const USERNAME_RE = /^[\w.+-]{1,150}$/;

const department = z.strictObject({
  type: z.literal("department"),
  id: key,
  name: text,
  parent_id: key.nullable().optional(),
});

const user = z
  .strictObject({
    type: z.literal("user"),
    id: key.optional(),
    username: z.string().regex(USERNAME_RE, "must be 1–150 letters, digits or _ . + -").optional(),
    name: z.string().optional(),
    email: z.email("must be an email address").nullable().optional(),
    status: z.enum(USER_STATUSES).optional(),
    department_id: key.nullable().optional(),
    role: z.enum(USER_ROLES).optional(),
    password: text.nullable().optional(),
    managed_department_ids: z.array(key).optional(),
    external_ids: z.array(key).optional(),
    language: optionalText,
    country: optionalText,
    city: optionalText,
    gender: optionalText,
    year_of_birth: z.number().int().min(1900).max(2100).nullable().optional(),
    level_of_education: optionalText,
    location: optionalText,
    mailing_address: optionalText,
    goals: optionalText,
  })
  .superRefine((u, ctx) => {
    if (u.id === undefined && u.username === undefined)
      ctx.addIssue({ code: "custom", path: ["username"], message: "required when id is absent" });
  });

const course = z.strictObject({
  type: z.literal("course"),
  id: z.string().regex(COURSE_ID_RE, "must be 1–255 characters of A-Z a-z 0-9 : + . _ ~ / @ -"),
  title: z.string().optional(),
  starts_at: optionalDate,
  ends_at: optionalDate,
  passing_score: percent.nullable().optional(),
});

const staff = z.strictObject({
  type: z.literal("staff"),
  course_id: key,
  user: text,
  role: z.enum(STAFF_ROLES),
});

const enrollment = z.strictObject({
  type: z.literal("enrollment"),
  course_id: key,
  user: text,
  id: uuid.optional(),
  mode: text.optional(),
  cohort: text.nullable().optional(),
  enrolled_at: date.optional(),
  is_active: z.boolean().optional(),
  unenrolled_at: optionalDate,
  access_date: optionalDate,
  due_date: optionalDate,
  expiration_date: optionalDate,
  completion_status: z.enum(COMPLETION_STATUSES).nullable().optional(),
  completed_at: optionalDate,
  score: percent.nullable().optional(),
});

const objective = z.strictObject({ type: z.literal("objective"), id: key, name: z.string().optional() });

const item = z.strictObject({
  type: z.literal("item"),
  course_id: key,
  id: key,
  kind: text.optional(),
  title: z.string().optional(),
  position: z.number().int().nullable().optional(),
  mandatory: z.boolean().optional(),
  due_at: optionalDate,
  due_after_days: z.number().int().min(0).nullable().optional(),
  min_score: percent.nullable().optional(),
  max_attempts: z.number().int().min(1).nullable().optional(),
  requires_correction: z.boolean().optional(),
  objectives: z.array(key).optional(),
});

const goal = z.strictObject({ type: z.literal("goal"), id: uuid, course_id: key, ...goalFieldsSchema });

const statement = z.strictObject({ type: z.literal("statement"), statement: z.record(z.string(), z.unknown()) });

const gradedEvent = z.strictObject({ type: z.literal("graded_event"), registration_id: text, ...gradedEventFields });

export const RECORD_SCHEMAS = {
  department,
  user,
  course,
  staff,
  enrollment,
  objective,
  item,
  goal,
  statement,
  graded_event: gradedEvent,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export type RecordOf<T extends RecordType> = z.infer<(typeof RECORD_SCHEMAS)[T]>;

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === "string" && Object.hasOwn(RECORD_SCHEMAS, value);
}
