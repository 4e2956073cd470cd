#!/usr/bin/env node
// Entry point of `npx lantern …`: runs the TypeScript CLI through tsx, from the package root's
// tsconfig (for the `@/` paths) whatever the working directory.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.LANTERN_HOME ??= root;
// The server unregisters the hooks once its own modules are loaded (lib/server/serve.ts): Next.js's
// compiled build needs none, and hooked module resolution would tax every require it makes.
globalThis.__lanternUnregisterTsx = register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(path.join(root, "lib/cli/main.ts"));
process.exitCode = await main(process.argv.slice(2));
