/**
 * One analysis, every door: a consolidated and reviewed workbook gives the same findings, with the
 * same review statuses, to the pane's check and review as to `validate --json` and `review-report --json`.
 */
import { snapshotWorkbook } from "../../src/adapters/xlsx";
import { planCheck } from "../../src/core/check-job";
import { loadReview } from "../../src/core/review";
import { openWorkbookFile, writeWorkbookFile } from "../../src/cli/workbook-files";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports } from "../fixtures/reports";
import { decide, rate } from "../helpers/review-decisions";
import { run, scratch } from "./hardening/run-cli";

const path = scratch("huishen-same-");

describe("the pane and the CLI see the same findings", () => {
  let reviewed: string;
  beforeAll(async () => {
    const files = allReports.map((r) => path(`${r.id}.xlsx`));
    for (const [i, r] of allReports.entries()) await writeWorkbookFile(await buildReportsWorkbook([r]), files[i]);
    expect((await run("consolidate", ...files, "-o", path("summary.xlsx"), "--districts", "荣昌区,渝中区,大足区")).code).toBe(1);
    const wb = await openWorkbookFile(path("summary.xlsx"), { scope: "all" });
    await decide(wb, rate("E05"), { status: "accepted", note: "含上年结转" });
    await decide(wb, rate("E03"), { status: "sentBack", note: "请更正审结率" });
    await decide(wb, (f) => f.code === "gather.missingDistrict", { status: "accepted", note: "大足区另行报送" });
    reviewed = path("reviewed.xlsx");
    await writeWorkbookFile(wb, reviewed);
  });

  it("gives validate --json the pane's check findings, consolidation's included, with the reviewer's statuses", async () => {
    const sheets = snapshotWorkbook(await openWorkbookFile(reviewed));
    const pane = planCheck({ sheets, activeSheet: sheets[0].name }, { scope: "all", lang: "zh" });
    const review = loadReview({ sheets }, "2025-03-02T00:00:00+08:00");
    const cli = JSON.parse((await run("validate", reviewed, "--json")).out) as { findings: { id: string; code: string; review: string }[] };
    const report = JSON.parse((await run("review-report", reviewed, "--json")).out) as { findings: { id: string; status: string }[] };

    const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();
    expect(ids(cli.findings)).toEqual(ids(pane.run.findings));
    expect(ids(report.findings)).toEqual(ids(review.state.items.map((r) => r.finding)));
    expect(ids(cli.findings)).toEqual(ids(report.findings));
    // The consolidation's own findings reach validate too: the listed district that sent nothing, the outliers.
    expect(cli.findings.filter((f) => f.code === "gather.missingDistrict")).toHaveLength(1);
    expect(cli.findings.some((f) => f.code.startsWith("peer.") || f.code.startsWith("gather."))).toBe(true);
    // Statuses agree: what the reviewer decided shows in every door.
    const byId = new Map(report.findings.map((f) => [f.id, f.status]));
    for (const f of cli.findings) expect([f.id, f.review]).toEqual([f.id, byId.get(f.id)]);
    expect(cli.findings.filter((f) => f.review === "accepted")).toHaveLength(2);
    expect(cli.findings.filter((f) => f.review === "sentBack")).toHaveLength(1);
  });

  it("annotates with the review's marks: an accepted finding is muted as in the pane", async () => {
    expect((await run("validate", reviewed, "--annotate", path("annotated.xlsx"))).code).toBe(0);
    const sheets = snapshotWorkbook(await openWorkbookFile(path("annotated.xlsx")));
    const rongchang = sheets.find((s) => s.name === "荣昌区 2024")!;
    const checkColumn = rongchang.values.map((row) => String(row[7] ?? "")).filter((t) => t.startsWith("✓ 已确认"));
    expect(checkColumn).toEqual(["✓ 已确认：含上年结转"]);
  });
});
