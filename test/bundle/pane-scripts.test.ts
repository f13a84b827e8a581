/**
 * What the task pane loads before it can draw: React, Fluent UI, the header and the Office adapter. The
 * sections (and the analysis) come as chunks after the first paint, 汇总, 审核 and 从报告读数 each in its own.
 * Sizes are bytes of the build (deterministic for a lockfile), so a change that pulls a section back in fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { paneScripts, total } from "../../bench/pane-scripts";
import { DIST, ensurePaneBuilt } from "../browser/harness";

jest.setTimeout(300_000);

describe("the task pane's scripts", () => {
  beforeAll(() => ensurePaneBuilt());

  it("draws from one script; the sections and the core arrive after", () => {
    const { initial, later } = paneScripts(DIST);
    expect(initial.map((s) => s.file)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]+\.js$/)]);
    const first = fs.readFileSync(path.join(DIST, initial[0].file), "utf8");
    // Words only the sections' code holds: the rank sheet's title, the index sheet's legend, the weights sheet's
    // explanation (the composite index with it: a finding's message about weights once pulled both in), the review
    // summary's note, the report picker's file types, the fill-in form's date prompt. Each is in a later chunk (so
    // this can fail), none in the first script.
    const chunks = later.map((s) => fs.readFileSync(path.join(DIST, s.file), "utf8")).join("\n");
    for (const words of ["各指标排名", "权重在已填报指标间重新分配", "本表是综合指数的输入", "指标审核意见（退回修改）", ".txt,.html,.htm,.docx", "填写报出日期，例如"]) {
      expect([words, first.includes(words), chunks.includes(words)]).toEqual([words, false, true]);
    }
    expect(later.map((s) => s.file)).toEqual(expect.arrayContaining(["sections", "section-consolidate", "section-review", "section-report"].map((name) => expect.stringMatching(new RegExp(`^${name}\\.`)))));
  });

  it("stays within its budget: at most 150 KiB gzipped before the first paint (React DOM alone is about 63)", () => {
    const { initial } = paneScripts(DIST);
    expect(total(initial, "gzipped")).toBeLessThanOrEqual(150 * 1024);
  });
});
