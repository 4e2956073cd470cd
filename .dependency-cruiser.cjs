// The layers of Lantern's code (docs/architecture.md § Layers), checked by `npm run check:layers`
// and as the first step of `npm test`. A file may import its own layer and the layers below it,
// never one above; nothing may import in a cycle. Type-only imports count: a type in the wrong
// layer is still a dependency on that layer.
//
// To see it work, add an upward import, e.g. `import "@/lib/dashboard/labels";` in
// db/queries/goals.ts, and run `npm run check:layers`: it fails naming
// `layer-queries-imports-upward`. A cycle (two files importing each other) fails as `no-circular`.
// scripts/layers.test.ts runs these rules on small trees, each rule once failing and once not.

/** Lowest first. A folder not listed here, nor under TOOLS, fails `unplaced`: give it a layer. */
const LAYERS = [
  {
    name: "base",
    what: "config, dates, clock, PRNG, redirects, CSP: import nothing of ours but each other",
    path: ["^lib/(env|time|clock|random|safe-redirect)\\.ts$", "^lib/web/"],
  },
  { name: "schema", what: "the tables", path: ["^db/schema/", "^db/schema-pg/"] },
  { name: "domain", what: "metrics, models, statuses: pure definitions", path: ["^lib/analytics/"] },
  {
    name: "storage",
    what: "the database handle, typed SQL, the engines, the demo generator, credential primitives and the Caller type",
    path: [
      "^db/(client|path|checkpointer|sql)\\.ts$",
      "^db/engine/",
      "^lib/demo/",
      "^lib/auth/(?!access\\.ts$|options\\.ts$)",
    ],
  },
  { name: "queries", what: "every read and write of the database", path: ["^db/queries/"] },
  {
    name: "services",
    what: "who may read what, sign-in, imports",
    path: ["^lib/auth/(access|options)\\.ts$", "^lib/ingest/"],
  },
  {
    name: "features",
    what: "the API's routes' machinery and the dashboard's view logic",
    path: ["^lib/api/", "^lib/dashboard/"],
  },
  { name: "components", what: "shared React components", path: ["^components/"] },
  {
    name: "app",
    what: "Next's pages and routes, the proxy and the start hook",
    path: ["^app/", "^(proxy|instrumentation)\\.ts$"],
  },
  { name: "server", what: "the HTTP front that hosts Next", path: ["^lib/server/"] },
  { name: "cli", what: "the command line", path: ["^lib/cli/", "^bin/"] },
];

/** Tests and tooling: they may import any layer, and no layer may import them. */
const TOOLS = [
  "\\.test\\.tsx?$",
  "^lib/testing/",
  "^e2e/",
  "^bench/",
  "^scripts/",
  "^[^/]+\\.config\\.(ts|js|mjs|cjs)$",
];

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.name}-imports-upward`,
  comment: `${layer.name} (${layer.what}) may not import the layers above it: ${LAYERS.slice(i + 1)
    .map((l) => l.name)
    .join(", ")}.`,
  severity: "error",
  from: { path: layer.path, pathNot: TOOLS },
  to: { path: LAYERS.slice(i + 1).flatMap((l) => l.path) },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment:
        "Modules that import each other, directly or through others, are one module split in two: move what both need below both.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-tools",
      comment: "Application code may not import tests or test helpers.",
      severity: "error",
      from: { pathNot: TOOLS },
      to: { path: TOOLS },
    },
    {
      name: "unplaced",
      comment:
        "Every file of ours belongs to a layer (LAYERS in .dependency-cruiser.cjs, docs/architecture.md § Layers).",
      severity: "error",
      from: { pathNot: [...LAYERS.flatMap((l) => l.path), ...TOOLS, "^node_modules/"] },
      to: {
        dependencyTypesNot: [
          "core",
          "npm",
          "npm-dev",
          "npm-optional",
          "npm-peer",
          "npm-bundled",
          "npm-no-pkg",
          "npm-unknown",
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|test-results|data)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
