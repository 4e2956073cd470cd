// `npm run eval:mastery [-- --data DIR]`: fits BKT per skill on the ASSISTments 2009 skill-builder
// training split, predicts every test response from the same user's earlier responses on that
// skill, and prints pooled AUC and RMSE for standard BKT and BKT with forgetting; then checks the
// remaining work of the default variant against what the held-out learners did (eval-remaining.ts;
// both tables are in docs/mastery.md).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  auc,
  DEFAULT_VARIANT,
  fitAll,
  paramsOf,
  predictResponses,
  rmse,
  type BktVariant,
  type GradedResponse,
  type SkillFit,
} from "@/lib/analytics/mastery";
import { evaluateRemaining, printRemaining, simulatedLearners } from "./eval-remaining";

const HELP = `Usage: npm run eval:mastery [-- --data DIR]

  --data DIR   folder with builder_train.csv and builder_test.csv
               (default: $LANTERN_MASTERY_DATA, else ../shared/data/assistments-2009 beside the repo)`;

const repoRoot = path.resolve(import.meta.dirname, "..");

function dataDir(argv: string[]): string | null {
  const { values } = parseArgs({ args: argv, options: { data: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) return null;
  return path.resolve(
    values.data ?? process.env.LANTERN_MASTERY_DATA ?? path.join(repoRoot, "../shared/data/assistments-2009"),
  );
}

/** `user_id,skill_name,correct` rows, in file order (each user's rows are in time order). */
function parseResponsesCsv(text: string): GradedResponse[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== "user_id,skill_name,correct") throw new Error(`unexpected header: ${lines[0]}`);
  const out: GradedResponse[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const [user, skill, correct] = line.split(",");
    if (user === undefined || skill === undefined || (correct !== "0" && correct !== "1"))
      throw new Error(`line ${i + 1}: ${line}`);
    out.push({ user, skill, correct: correct === "1" });
  }
  return out;
}

interface Result {
  variant: BktVariant;
  fitSeconds: number;
  fitted: number;
  skills: number;
  auc: number;
  rmse: number;
  fits: Map<string, SkillFit>;
}

function evaluate(variant: BktVariant, train: GradedResponse[], test: GradedResponse[]): Result {
  const started = performance.now();
  const fits = fitAll(train, { variant });
  const fitSeconds = (performance.now() - started) / 1000;
  const scores = predictResponses(test, (skill) => paramsOf(fits, skill));
  const labels = test.map((r) => r.correct);
  const fitted = [...fits.values()].filter((f) => f.fitted).length;
  return { variant, fitSeconds, fitted, skills: fits.size, auc: auc(labels, scores), rmse: rmse(labels, scores), fits };
}

// A wrong flag or a missing folder is the caller's mistake: say what to do, without a stack trace.
function fail(message: string): number {
  console.error(`${message}\n\n${HELP}`);
  return 2;
}

function main(): number {
  let dir: string | null;
  try {
    dir = dataDir(process.argv.slice(2));
  } catch (e) {
    return fail((e as Error).message);
  }
  if (dir === null) {
    console.log(HELP);
    return 0;
  }
  const files = ["builder_train.csv", "builder_test.csv"].map((name) => path.join(dir, name));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) return fail(`Not found: ${missing.join(", ")}`);
  const [train, test] = files.map((f) => parseResponsesCsv(readFileSync(f, "utf8"))) as [
    GradedResponse[],
    GradedResponse[],
  ];
  console.log(`ASSISTments 2009 skill builder (${dir}): ${train.length} training and ${test.length} test responses`);
  const results = (["standard", "forgetting"] as const).map((v) => evaluate(v, train, test));
  console.log("\nvariant      AUC     RMSE    fit (s)  skills fitted");
  for (const r of results) {
    console.log(
      `${r.variant.padEnd(12)} ${r.auc.toFixed(4)}  ${r.rmse.toFixed(4)}  ${r.fitSeconds.toFixed(1).padStart(7)}  ${r.fitted}/${r.skills}`,
    );
  }
  const best = results.reduce((a, b) => (b.auc > a.auc ? b : a));
  console.log(
    `\nBetter on the held-out set (AUC): ${best.variant}. The library's default variant: ${DEFAULT_VARIANT}.`,
  );
  if (best.variant !== DEFAULT_VARIANT)
    console.log("The default no longer predicts better: change DEFAULT_VARIANT in lib/analytics/mastery/model.ts.");
  console.log("Published (pyBKT): standard 0.76, with forgetting 0.83.");
  const fits = results.find((r) => r.variant === DEFAULT_VARIANT)!.fits;
  printRemaining(
    "Remaining work on the held-out learners who completed (forgetting variant, fitted skills)",
    evaluateRemaining(fits, train, test),
  );
  printRemaining(
    "The same on learners simulated from the fitted parameters (the model true by construction)",
    evaluateRemaining(fits, train, simulatedLearners(fits)),
  );
  return 0;
}

process.exitCode = main();
