import { z, type ZodType } from "zod";

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

type Meta = Record<string, unknown> & { id?: string };

/**
 * The metadata zod's converter reads: the descriptions and examples of the global registry (what
 * `.describe()` and `.meta()` write) plus the component names given with `named()`, kept apart so
 * that naming a schema for the document never changes it for anyone else.
 */
class DocumentMetadata extends z.core.$ZodRegistry<Meta> {
  override get(schema: z.core.$ZodType): Meta | undefined {
    const global = z.globalRegistry.get(schema) as Meta | undefined;
    const own = super.get(schema) as Meta | undefined;
    return global || own ? { ...global, ...own } : undefined;
  }
}

const metadata = new DocumentMetadata();

/**
 * Names a schema so that the document refers to it as `#/components/schemas/<name>` instead of
 * repeating it inline (xAPI statements, error bodies). Returns the schema itself, unchanged.
 */
export function named<T extends ZodType>(name: string, schema: T): T {
  metadata.add(schema, { id: name });
  return schema;
}

const LOCAL_REF = /^#\/\$defs\/(.+)$/;

/** Deep copy with every local `#/$defs/X` reference renamed by `names`. */
function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const local = k === "$ref" && typeof v === "string" ? LOCAL_REF.exec(v) : null;
    out[k] = local ? `#/components/schemas/${names.get(local[1]!) ?? local[1]}` : rewriteRefs(v, names);
  }
  return out;
}

/**
 * Turns zod schemas into the JSON Schemas of an OpenAPI document with zod's own converter, and
 * collects the named ones (and any that zod had to extract) under `components.schemas`, so that
 * every reference points into the document rather than into a `$defs` of its own.
 */
export class SchemaBook {
  readonly components: Record<string, JsonSchema> = {};
  private anonymous = 0;

  /** `io: "input"` for what a client sends (before transforms and defaults), "output" for what it receives. */
  convert(schema: ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      metadata,
      unrepresentable: "any",
      target: "draft-2020-12",
    }) as JsonSchema;
    const { $schema: _dialect, $defs = {}, ...root } = json;
    const names = new Map<string, string>();
    for (const key of Object.keys($defs)) names.set(key, key.startsWith("__") ? `Schema${++this.anonymous}` : key);
    const defs = Object.entries($defs).map(
      ([key, def]) => [names.get(key)!, rewriteRefs(def, names) as JsonSchema] as const,
    );
    for (const [name, def] of defs) {
      const known = this.components[name];
      if (known && JSON.stringify(known) !== JSON.stringify(def)) {
        // The same named schema reads differently as input and as output (a default, a transform).
        throw new Error(
          `Two different schemas are named "${name}" in the OpenAPI document; name the ${io} form apart.`,
        );
      }
      this.components[name] = def;
    }
    return rewriteRefs(root, names) as JsonSchema;
  }

  /** The schema a `$ref` points to, or the schema itself. */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref?.replace("#/components/schemas/", "");
    return ref !== undefined ? (this.components[ref] ?? schema) : schema;
  }
}
