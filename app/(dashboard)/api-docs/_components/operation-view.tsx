import type { OpenApiMediaType, OpenApiParameter, OpenApiResponse } from "@/lib/api/openapi";
import { tryItOf, type DocOperation } from "./model";
import { Constraints, nestedObjects, Prose, SchemaView, TypeLabel } from "./schema-view";
import { TryIt } from "./try-it";

/** One operation: method and path, what it does, its parameters, body and responses, and a form to try it. */

export function MethodBadge({ method, small }: { method: string; small?: boolean }) {
  return <span className={`method method-${method.toLowerCase()}${small ? " method-small" : ""}`}>{method.toUpperCase()}</span>;
}

/** The path with its `{parameters}` set apart. */
export function PathText({ path }: { path: string }) {
  return (
    <code className="op-path">
      {path.split(/(\{[^}]+\})/).map((part, i) => (part.startsWith("{") ? <span key={i} className="op-path-param">{part}</span> : part))}
    </code>
  );
}

const IN_WORDS = { path: "in the path", query: "in the query", header: "a header" } as const;

/** Parameters as a list rather than a table, so that they read as well at 375 px as at 1280. */
function Parameters({ parameters, titleId }: { parameters: OpenApiParameter[]; titleId: string }) {
  return (
    <>
      <h4 id={titleId} className="op-section-title">
        Parameters
      </h4>
      <ul className="schema-fields params" aria-labelledby={titleId}>
        {parameters.map((p) => (
          <li key={`${p.in}-${p.name}`}>
            <div className="schema-field-head">
              <code className="schema-name">{p.name}</code>
              <span className="param-in">{IN_WORDS[p.in]}</span>
              <span className="schema-type">
                <TypeLabel schema={p.schema} />
              </span>
              {p.required ? <span className="schema-required">required</span> : null}
              <Constraints schema={p.schema} />
            </div>
            <Prose text={p.description} className="schema-desc" />
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
      <p className="body-line">
        {label}: <TypeLabel schema={first.schema} /> <span className="muted">({types.join(", ")})</span>
      </p>
    );
  }
  return (
    <details className="schema-block" open={open}>
      <summary>
        {label} <span className="muted">({types.join(", ")})</span>
      </summary>
      <div className="schema-body">
        <SchemaView schema={first.schema} />
      </div>
    </details>
  );
}

function statusClass(status: string) {
  return status.startsWith("2") ? "ok" : status.startsWith("5") ? "fail" : status.startsWith("4") ? "warn" : "info";
}

function Responses({ responses }: { responses: Record<string, OpenApiResponse> }) {
  return (
    <ul className="responses">
      {Object.entries(responses).map(([status, r]) => (
        <li key={status}>
          <div className="response-head">
            <span className={`status status-${statusClass(status)}`}>{status}</span>
            <div className="response-desc">
              <Prose text={r.description} />
            </div>
          </div>
          {r.headers ? (
            <ul className="response-headers">
              {Object.entries(r.headers).map(([name, h]) => (
                <li key={name}>
                  Header <code>{name}</code>: <Prose text={h.description} className="inline-prose" />
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
    <article className="op" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="op-title">
        {op.summary}
      </h3>
      <p className="op-line">
        <MethodBadge method={method} /> <PathText path={path} />
      </p>
      <Prose text={op.description} className="op-desc" />
      <p className="op-auth">
        <span className="muted">Credentials:</span> {isPublic ? "none — public" : "an API key (Bearer or Basic) or a signed-in session"}
      </p>
      {op.parameters?.length ? <Parameters parameters={op.parameters} titleId={`${id}-params`} /> : null}
      {op.requestBody ? (
        <>
          <h4 className="op-section-title">Request body</h4>
          <Prose text={op.requestBody.description} className="op-desc" />
          <Body content={op.requestBody.content} label="Body" open />
        </>
      ) : null}
      <h4 className="op-section-title">Responses</h4>
      <Responses responses={op.responses} />
      <TryIt operation={tryItOf(operation)} />
    </article>
  );
}
