import { IngestError } from "../errors";
import { fieldProblems, ingestErrorMap } from "../zod-issues";
import { normaliseStatement } from "./normalise";
import { statementSchema, type XapiStatement } from "./schema";
import { VERBS } from "./verbs";

/**
 * Normalises and validates one statement. Throws an `invalid` IngestError naming the first bad
 * field; `index` is the statement's position in its batch.
 */
export function validateStatement(input: unknown, index?: number): XapiStatement {
  const parsed = statementSchema.safeParse(normaliseStatement(input), { error: ingestErrorMap });
  if (!parsed.success) {
    const [first] = fieldProblems(parsed.error);
    throw new IngestError("invalid", first?.field ?? "(statement)", first?.message ?? "invalid statement", index);
  }
  const statement = parsed.data;
  if (statement.verb.id === VERBS.voided && statement.object.objectType !== "StatementRef") {
    throw new IngestError("invalid", "object.objectType", "a voiding statement's object must be a StatementRef", index);
  }
  return statement;
}
