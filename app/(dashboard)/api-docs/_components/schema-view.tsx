import { Fragment, type ReactNode } from "react";
import type { JsonSchema } from "@/lib/api/openapi";
import styles from "./api-docs.module.css";

/** JSON Schemas of the OpenAPI document, rendered for reading: types in words, fields as lists, nesting collapsible. */

const REF = "#/components/schemas/";
export const schemaAnchor = (name: string) => `schema-${name}`;

/** The document's descriptions are Markdown with `code` spans and blank-line paragraphs; nothing else is rendered. */
export function Prose({ text, className }: { text: string | undefined; className?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i} className={className}>
          <Inline text={para} />
        </p>
      ))}
    </>
  );
}

export function Inline({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, i) =>
          part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
            <code key={i}>{part.slice(1, -1)}</code>
          ) : (
            <Fragment key={i}>{part}</Fragment>
          ),
        )}
    </>
  );
}

const asSchema = (s: unknown): JsonSchema => (typeof s === "object" && s !== null ? (s as JsonSchema) : {});

/** A schema's type in a few words, component names as links. */
export function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  if (schema.$ref) {
    const name = schema.$ref.replace(REF, "");
    return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  }
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (schema.enum) return <>one of {joinNodes(schema.enum.map((v, i) => <code key={i}>{JSON.stringify(v)}</code>))}</>;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants)
    return joinNodes(
      variants.map((v, i) => <TypeLabel key={i} schema={asSchema(v)} />),
      " or ",
    );
  if (schema.type === "array")
    return (
      <>
        array of <TypeLabel schema={asSchema(schema.items)} />
      </>
    );
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return <>any JSON</>;
  const words = types.map((t) =>
    t === "string" && schema.format ? `string (${schema.format})` : t === "object" && isMap(schema) ? "map" : t,
  );
  const tag = discriminator(schema);
  return (
    <>
      {words.join(" or ")}
      {tag ? (
        <>
          {" "}
          (<code>{tag[0]}</code> {JSON.stringify(tag[1])})
        </>
      ) : null}
    </>
  );
}

/** The constant property that tells an object of a union from the others (xAPI's `objectType`). */
function discriminator(schema: JsonSchema): [string, unknown] | undefined {
  const found = Object.entries(schema.properties ?? {}).find(([, p]) => asSchema(p).const !== undefined);
  return found ? [found[0], asSchema(found[1]).const] : undefined;
}

function joinNodes(nodes: ReactNode[], by = ", "): ReactNode {
  return nodes.map((n, i) => (
    <Fragment key={i}>
      {i > 0 ? by : null}
      {n}
    </Fragment>
  ));
}

const isMap = (s: JsonSchema) => !s.properties && typeof s.additionalProperties === "object";

/** Limits worth reading next to a field: lengths, ranges, patterns, defaults, examples. */
function constraintsOf(s: JsonSchema): string[] {
  const out: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit = "") => {
    const units = (n: number) => (unit ? ` ${unit}${n === 1 ? "" : "s"}` : "");
    if (min !== undefined && max !== undefined) out.push(`${min}–${max}${units(max)}`);
    else if (min !== undefined) out.push(`at least ${min}${units(min)}`);
    else if (max !== undefined) out.push(`at most ${max}${units(max)}`);
  };
  range(s.minLength, s.maxLength, "character");
  range(s.minimum, s.maximum);
  range(s.minItems, s.maxItems, "item");
  if (s.exclusiveMinimum !== undefined) out.push(`above ${s.exclusiveMinimum}`);
  if (s.pattern) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  if (s.examples?.length) out.push(`e.g. ${JSON.stringify(s.examples[0])}`);
  return out;
}

export function Constraints({ schema }: { schema: JsonSchema }) {
  const list = constraintsOf(schema);
  return list.length ? <span className={styles.schemaLimits}>{list.join(" · ")}</span> : null;
}

/** The inline object (or objects, in a union or array) a field holds, to show its fields beneath it. */
export function nestedObjects(s: JsonSchema): JsonSchema[] {
  if (s.properties) return [s];
  if (s.type === "array") return nestedObjects(asSchema(s.items));
  if (isMap(s)) return nestedObjects(asSchema(s.additionalProperties));
  return (s.anyOf ?? s.oneOf ?? []).flatMap((v) => nestedObjects(asSchema(v)));
}

/** The fields of an object schema, or one line for anything else. */
export function SchemaView({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  if (!schema.properties) {
    const nested = nestedObjects(schema);
    return (
      <div className="schema-root">
        <p className={styles.schemaLine}>
          <span className={styles.schemaType}>
            <TypeLabel schema={schema} />
          </span>{" "}
          <Constraints schema={schema} />
        </p>
        {schema.description ? <Prose text={schema.description} className={styles.schemaDesc} /> : null}
        {depth < 6 && nested.map((n, i) => <SchemaView key={i} schema={n} depth={depth + 1} />)}
      </div>
    );
  }
  const required = new Set(schema.required ?? []);
  return (
    <ul className={styles.schemaFields}>
      {Object.entries(schema.properties).map(([name, raw]) => {
        const field = asSchema(raw);
        const nested = depth < 6 ? nestedObjects(field) : [];
        return (
          <li key={name}>
            <div className={styles.schemaFieldHead}>
              <code className={styles.schemaName}>{name}</code>
              <span className={styles.schemaType}>
                <TypeLabel schema={field} />
              </span>
              {required.has(name) ? <span className={styles.schemaRequired}>required</span> : null}
              <Constraints schema={field} />
            </div>
            {field.description ? <Prose text={field.description} className={styles.schemaDesc} /> : null}
            {nested.length > 0 ? (
              <details className={styles.schemaNested}>
                <summary>Fields of {name}</summary>
                {nested.map((n, i) => (
                  <Fragment key={i}>
                    {nested.length > 1 ? (
                      <p className={styles.schemaVariant}>
                        <TypeLabel schema={n} />
                      </p>
                    ) : null}
                    <SchemaView schema={n} depth={depth + 1} />
                  </Fragment>
                ))}
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
