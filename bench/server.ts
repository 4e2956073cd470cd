import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort, waitUntilUp } from "@/lib/testing/app";

/** The production server (`lantern serve`) on the bench database, and its memory as the kernel sees it. */

export interface BenchServer {
  url: URL;
  pid: number;
  /** Resident memory of the server and every process it started, MB. */
  rssMb(): number;
  /** Whether the server process is still running. */
  alive(): boolean;
  /** The end of what the server printed (for a failure's report). */
  outputTail(): string;
  close(): Promise<void>;
}

export async function startServer(dbFile: string, asOf: string): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    process.execPath,
    [path.resolve("bin/lantern.mjs"), "serve", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      // A fixed as-of day keeps the figures the same from run to run; the background refit is off so
      // no fit lands in the middle of a measurement.
      env: {
        ...process.env,
        DATABASE_URL: dbFile,
        LANTERN_AS_OF: asOf,
        NEXT_TELEMETRY_DISABLED: "1",
        LANTERN_REFIT_DELAY_MS: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  await waitUntilUp(url, child, () => output);
  const pid = child.pid!;
  return {
    url: new URL(url),
    pid,
    rssMb: () => treeRssKb(pid) / 1024,
    alive: () => child.exitCode === null && child.signalCode === null,
    outputTail: () => output.slice(-2000),
    async close() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** VmRSS of a process and its descendants, in kB (Linux /proc). */
function treeRssKb(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return 0;
  }
  const own = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // No children file (another kernel): the process alone.
  }
  return children.reduce((sum, c) => sum + treeRssKb(c), own);
}
