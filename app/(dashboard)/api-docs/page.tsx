import type { Metadata } from "next";
import Link from "next/link";
import { apiDocument } from "@/app/api/openapi.json/routes";
import { groupsOf } from "./_components/model";
import { MethodBadge, OperationView } from "./_components/operation-view";
import { Prose, schemaAnchor, SchemaView } from "./_components/schema-view";
import { TryItCredentials } from "./_components/try-it";
import styles from "./_components/api-docs.module.css";

export const metadata: Metadata = { title: "API reference" };

/** The OpenAPI document (`/api/openapi.json`) for people: every operation by family, with a form to try it. */
export default function ApiDocsPage() {
  const doc = apiDocument();
  const groups = groupsOf(doc);
  const [intro, ...notes] = doc.info.description.split(/\n{2,}/);
  const schemas = Object.entries(doc.components.schemas).sort(([a], [b]) => a.localeCompare(b));
  return (
    <main className={`page ${styles.apiDocs}`}>
      <header className="page-header">
        <h1>API reference</h1>
        <Prose text={intro} className="lede" />
        <Prose text={notes.join("\n\n")} className={styles.docsNotes} />
        <p className={styles.docsNotes}>
          Generated from the schemas the routes validate with. The same as an OpenAPI {doc.openapi} document, for code
          generators and other tools: <a href="/api/openapi.json">/api/openapi.json</a> (public). API keys:{" "}
          <Link href="/settings/api-keys">Settings → API keys</Link>.
        </p>
      </header>
      <div className={styles.docsLayout}>
        <nav className={styles.docsNav} aria-label="API operations">
          <ul>
            {groups.map((g) => (
              <li key={g.slug}>
                <a href={`#${g.slug}`} className={styles.docsNavTag}>
                  {g.name}
                </a>
                <ul className={styles.docsNavOps}>
                  {g.operations.map(({ method, op }) => (
                    <li key={op.operationId}>
                      <a href={`#${op.operationId}`}>
                        <MethodBadge method={method} small /> {op.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#schemas" className={styles.docsNavTag}>
                Schemas
              </a>
            </li>
          </ul>
        </nav>
        <div className={styles.docsContent}>
          <TryItCredentials>
            {groups.map((g) => (
              <section key={g.slug} id={g.slug} className={styles.docsTag} aria-labelledby={`${g.slug}-title`}>
                <h2 id={`${g.slug}-title`}>{g.name}</h2>
                <Prose text={g.description} className="muted" />
                {g.operations.map((o) => (
                  <OperationView key={o.op.operationId} operation={o} />
                ))}
              </section>
            ))}
          </TryItCredentials>
          <section id="schemas" className={styles.docsTag} aria-labelledby="schemas-title">
            <h2 id="schemas-title">Schemas</h2>
            <p className="muted">Shapes used in several places, and each family&apos;s error body.</p>
            {schemas.map(([name, schema]) => (
              // A link to the schema lands inside the closed details, which the browser then opens.
              <details key={name} className={`${styles.op} ${styles.schemaCard}`}>
                <summary>
                  <h3 className={styles.opTitle}>
                    <code>{name}</code>
                  </h3>
                </summary>
                <div id={schemaAnchor(name)} className={styles.schemaCardBody}>
                  <Prose text={schema.description} className="muted" />
                  <SchemaView schema={schema} />
                </div>
              </details>
            ))}
          </section>
        </div>
      </div>
    </main>
  );
}
