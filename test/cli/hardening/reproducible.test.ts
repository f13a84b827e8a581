import { readFileSync } from "node:fs";
import { writeWorkbookFile } from "../../../src/cli/workbook-files";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024, shuimogou2024, yuzhong2023 } from "../../fixtures/reports";
import { decide, rate } from "../../helpers/review-decisions";
import { run, scratch } from "./run-cli";

const path = scratch("huishen-reproducible-");
const inputs = [rongchang2024, yuzhong2023, shuimogou2024].map((r) => path(`${r.id}.xlsx`));

beforeAll(async () => {
  for (const [i, r] of [rongchang2024, yuzhong2023, shuimogou2024].entries()) {
    const wb = await buildReportsWorkbook([r]);
    if (r === rongchang2024) await decide(wb, rate("E03"), { status: "sentBack", note: "请更正" });
    await writeWorkbookFile(wb, inputs[i]);
  }
});

afterEach(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});

/** Every command that writes, run once into `tag`'s files; what each wrote and printed. */
async function runAll(tag: string) {
  const out = (name: string) => path(`${tag}-${name}`);
  const printed = [
    (await run("consolidate", ...inputs, "-o", out("summary.xlsx"), "--json")).out,
    (await run("validate", inputs[0], "--annotate", out("annotated.xlsx"), "--json")).out,
    (await run("review-report", inputs[0], "-o", out("review.xlsx"), "--json")).out.replace(/"file": "[^"]*"/, ""),
    (await run("template", "-o", out("template.xlsx"), "--district", "荣昌区", "--year", "2024")).out,
  ].map((s) => s.split(tag).join("·"));
  const files = ["summary.xlsx", "summary.html", "annotated.xlsx", "review.xlsx", "template.xlsx"].map((n) => readFileSync(out(n)));
  return { printed, files };
}

describe("SOURCE_DATE_EPOCH: the same inputs give the same bytes", () => {
  test("two runs with it set write identical .xlsx, .html and JSON", async () => {
    process.env.SOURCE_DATE_EPOCH = "1735689600"; // 2025-01-01T00:00:00Z
    const first = await runAll("one");
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second resolution
    const second = await runAll("two");
    expect(second.printed).toEqual(first.printed);
    second.files.forEach((bytes, i) => expect([i, bytes.equals(first.files[i])]).toEqual([i, true]));
    expect(first.files[1].toString("utf8")).toContain("生成于 2025-01-01 00:00 UTC");
    expect(first.printed[2]).toContain('"generatedAt": "2025-01-01T00:00:00+00:00"');
  }, 30_000); // two full runs and a 2.1 s pause: beyond jest's 5 s default on a loaded machine

  test("without it, the run's own time is written (so the test above can fail)", async () => {
    const first = await runAll("three");
    await new Promise((r) => setTimeout(r, 2100));
    const second = await runAll("four");
    expect(second.files[0].equals(first.files[0])).toBe(false);
  }, 30_000);

  test("a malformed value is a usage error, not a crash", async () => {
    process.env.SOURCE_DATE_EPOCH = "yesterday";
    const r = await run("template", "-o", path("never.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("SOURCE_DATE_EPOCH 应为")]);
  });
});
