import type { OpenApiMediaType, OpenApiParameter, OpenApiResponse } from "@/lib/api/openapi";
import { tryItOf, type DocOperation } from "./model";
import { Constraints, nestedObjects, Prose, SchemaView, TypeLabel } from "./schema-view";
import { TryIt } from "./try-it";
import styles from "./api-docs.module.css";

/** One operation: method and path, what it does, its parameters, body and responses, and a form to try it. */

const METHOD_CLASS: Record<string, string | undefined> = {
  get: styles.methodGet,
  post: styles.methodPost,
  put: styles.methodPut,
  patch: styles.methodPatch,
  delete: styles.methodDelete,
};

export function MethodBadge({ method, small }: { method: string; small?: boolean }) {
  const classes = [styles.method, METHOD_CLASS[method.toLowerCase()], small ? styles.methodSmall : undefined];
  return <span className={classes.filter(Boolean).join(" ")}>{method.toUpperCase()}</span>;
}

/** The path with its `{parameters}` set apart. */
export function PathText({ path }: { path: string }) {
  return (
    <code className={styles.opPath}>
      {path.split(/(\{[^}]+\})/).map((part, i) =>
        part.startsWith("{") ? (
          <span key={i} className={styles.opPathParam}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </code>
  );
}

const IN_WORDS = { path: "in the path", query: "in the query", header: "a header" } as const;

/** Parameters as a list rather than a table, so that they read as well at 375 px as at 1280. */
function Parameters({ parameters, titleId }: { parameters: OpenApiParameter[]; titleId: string }) {
  return (
    <>
      <h4 id={titleId} className={styles.opSectionTitle}>
        Parameters
      </h4>
      <ul className={`${styles.schemaFields} ${styles.params}`} aria-labelledby={titleId}>
        {parameters.map((p) => (
          <li key={`${p.in}-${p.name}`}>
            <div className={styles.schemaFieldHead}>
              <code className={styles.schemaName}>{p.name}</code>
              <span className={styles.paramIn}>{IN_WORDS[p.in]}</span>
              <span className={styles.schemaType}>
                <TypeLabel schema={p.schema} />
              </span>
              {p.required ? <span className={styles.schemaRequired}>required</span> : null}
              <Constraints schema={p.schema} />
            </div>
            <Prose text={p.description} className={styles.schemaDesc} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A body's media types and schema (the same schema for each type, as Lantern's routes take them):
 * one line when it is a named schema or a plain type, else its fields, collapsible.
 */
function Body({ content, label, open }: { content: Record<string, OpenApiMediaType>; label: string; open: boolean }) {
  const types = Object.keys(content);
  const first = content[types[0]!]!;
  if (!first.schema.properties && nestedObjects(first.schema).length === 0) {
    return (
      <p className={`${styles.bodyLine} body-line`}>
        {label}: <TypeLabel schema={first.schema} /> <span className="muted">({types.join(", ")})</span>
      </p>
    );
  }
  return (
    <details className={styles.schemaBlock} open={open}>
      <summary>
        {label} <span className="muted">({types.join(", ")})</span>
      </summary>
      <div className={styles.schemaBody}>
        <SchemaView schema={first.schema} />
      </div>
    </details>
  );
}

const STATUS_CLASS = { ok: styles.statusOk, warn: styles.statusWarn, fail: styles.statusFail, info: styles.statusInfo };

function statusClass(status: string) {
  return status.startsWith("2") ? "ok" : status.startsWith("5") ? "fail" : status.startsWith("4") ? "warn" : "info";
}

function Responses({ responses }: { responses: Record<string, OpenApiResponse> }) {
  return (
    <ul className={`${styles.responses} responses`}>
      {Object.entries(responses).map(([status, r]) => (
        <li key={status}>
          <div className={styles.responseHead}>
            <span className={`${styles.status} ${STATUS_CLASS[statusClass(status)]}`}>{status}</span>
            <div className={styles.responseDesc}>
              <Prose text={r.description} />
            </div>
          </div>
          {r.headers ? (
            <ul className={styles.responseHeaders}>
              {Object.entries(r.headers).map(([name, h]) => (
                <li key={name}>
                  Header <code>{name}</code>: <Prose text={h.description} className={styles.inlineProse} />
                </li>
              ))}
            </ul>
          ) : null}
          {r.content ? <Body content={r.content} label="Body" open={false} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OperationView({ operation }: { operation: DocOperation }) {
  const { method, path, op } = operation;
  const id = op.operationId;
  const isPublic = op.security?.length === 0;
  return (
    <article className={styles.op} id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.opTitle}>
        {op.summary}
      </h3>
      <p className={`${styles.opLine} op-line`}>
        <MethodBadge method={method} /> <PathText path={path} />
      </p>
      <Prose text={op.description} className={styles.opDesc} />
      <p className={styles.opAuth}>
        <span className="muted">Credentials:</span>{" "}
        {isPublic ? "none — public" : "an API key (Bearer or Basic) or a signed-in session"}
      </p>
      {op.parameters?.length ? <Parameters parameters={op.parameters} titleId={`${id}-params`} /> : null}
      {op.requestBody ? (
        <>
          <h4 className={styles.opSectionTitle}>Request body</h4>
          <Prose text={op.requestBody.description} className={styles.opDesc} />
          <Body content={op.requestBody.content} label="Body" open />
        </>
      ) : null}
      <h4 className={styles.opSectionTitle}>Responses</h4>
      <Responses responses={op.responses} />
      <TryIt operation={tryItOf(operation)} />
    </article>
  );
}
