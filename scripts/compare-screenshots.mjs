// Compares two folders of PNG screenshots (e2e/fixtures.ts screenshotAll writes them) pixel by
// pixel in Chromium's canvas, and lists those that differ: a check that a styling change (say,
// moving rules between stylesheets) leaves every page looking the same.
//   node scripts/compare-screenshots.mjs <before-dir> [after-dir = test-results/screenshots]
// A pixel differs when a channel moves by more than 24 of 255 (antialiasing stays under it); a
// file differs when more than 0.05% of its pixels do, or its size changed. Exits 1 if any differs.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.mjs";

const [before, after = "test-results/screenshots"] = process.argv.slice(2);
if (!before) {
  console.error("usage: node scripts/compare-screenshots.mjs <before-dir> [after-dir]");
  process.exit(2);
}
const CHANNEL = 24;
const SHARE = 0.0005;

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
const page = await browser.newPage();
const dataUrl = (file) => `data:image/png;base64,${readFileSync(file).toString("base64")}`;
let differing = 0;
for (const name of readdirSync(before)
  .filter((f) => f.endsWith(".png"))
  .sort()) {
  const other = path.join(after, name);
  if (!existsSync(other)) {
    console.log(`missing  ${name}`);
    differing++;
    continue;
  }
  const r = await page.evaluate(
    async ({ a, b, channel }) => {
      const load = (src) =>
        new Promise((ok, fail) =>
          Object.assign(new Image(), {
            onload() {
              ok(this);
            },
            onerror: fail,
            src,
          }),
        );
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      if (ia.width !== ib.width || ia.height !== ib.height)
        return { size: `${ia.width}×${ia.height} → ${ib.width}×${ib.height}` };
      const pixels = (img) => {
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext("2d");
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [pa, pb] = [pixels(ia), pixels(ib)];
      let n = 0;
      let top = Infinity;
      for (let i = 0; i < pa.length; i += 4) {
        if (
          Math.abs(pa[i] - pb[i]) > channel ||
          Math.abs(pa[i + 1] - pb[i + 1]) > channel ||
          Math.abs(pa[i + 2] - pb[i + 2]) > channel
        ) {
          n++;
          top = Math.min(top, Math.floor(i / 4 / ia.width));
        }
      }
      return { n, total: pa.length / 4, top };
    },
    { a: dataUrl(path.join(before, name)), b: dataUrl(other), channel: CHANNEL },
  );
  if (r.size) {
    console.log(`size     ${name}  ${r.size}`);
    differing++;
  } else if (r.n / r.total > SHARE) {
    console.log(`pixels   ${name}  ${r.n} of ${r.total} differ, first at y=${r.top}`);
    differing++;
  }
}
await browser.close();
console.log(differing ? `${differing} screenshot(s) differ` : "every screenshot matches");
process.exit(differing ? 1 : 0);
