import * as v8 from "node:v8";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { newWorkbook, openWorkbook, snapshotWorkbook, toBuffer } from "../../src/adapters/xlsx";
import { CONSOLIDATION_SHEETS } from "../../src/core/consolidate";
import { summaryLayout, totalAddress } from "../../src/core/consolidate/layout";
import { standardTemplate } from "../../src/core/template/registry";
import { buildReportsWorkbook } from "../fixtures/build-workbook";
import { allReports, bazhou2023, rongchang2024, shuimogou2024, yuzhong2023, type ReportFixture } from "../fixtures/reports";
import { reportSnapshot } from "../helpers/report-sheets";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render-pane";
import { parseDistrictList, parseYearOption } from "../../src/taskpane/ConsolidateOptions";
import { LIVE_CHECK_DELAY_MS } from "../../src/taskpane/useLiveCheck";

// jsdom has no structuredClone; the .xlsx adapter (building the test's district files) uses it.
if (typeof structuredClone === "undefined") {
  (globalThis as { structuredClone?: unknown }).structuredClone = (v: unknown) => v8.deserialize(v8.serialize(v));
}

// jsdom cannot tell what is on screen: here every observed element is (the pane counts the workbook's sheets then).
class VisibleObserver {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe(): void {
    this.callback([{ isIntersecting: true }]);
  }
  disconnect(): void {}
  unobserve(): void {}
}
beforeAll(() => {
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = VisibleObserver;
});
afterAll(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

jest.setTimeout(60_000);

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The five real reports, each typed into a template sheet of the workbook. */
function reportsHost(reports: readonly ReportFixture[] = allReports): FakeHost {
  return new FakeHost(reports.map((r) => reportSnapshot(r).snapshot));
}

/** A district's .xlsx as a person would pick it: the reports typed into template sheets, written by the adapter. */
async function reportsFile(name: string, reports: readonly ReportFixture[]): Promise<File> {
  const bytes = await toBuffer(await buildReportsWorkbook(reports));
  return new File([new Uint8Array(bytes)], name, { type: XLSX });
}

/** A host that can insert sheets of a picked file, as Excel 1.13 does (clashing names get " (2)"). */
class InsertingHost extends FakeHost {
  readonly insertedFiles: string[] = [];
  async insertSheets(file: { name: string; base64: string }, sheetNames: readonly string[]): Promise<string[]> {
    this.insertedFiles.push(file.name);
    const wb = await openWorkbook(new Uint8Array(Buffer.from(file.base64, "base64")), file.name);
    const given: string[] = [];
    for (const s of snapshotWorkbook(wb, { sheets: sheetNames })) {
      let name = s.name;
      for (let n = 2; this.names().includes(name); n++) name = `${s.name} (${n})`;
      this.addSheet({ ...s, name });
      given.push(name);
    }
    return given;
  }
}

/** The pane over `host`, once the 汇总 section has counted the workbook's fill-in sheets. */
async function renderCounted(host: FakeHost): Promise<void> {
  await renderPane(host);
  await screen.findByRole("checkbox", { name: /^本工作簿中的填报表（\d+ 张）$/ });
}

const consolidateSection = () => screen.getByRole("region", { name: "汇总" });
const consolidateButton = () => within(consolidateSection()).getByRole("button", { name: "汇总" });
const fileInput = () => screen.getByLabelText("选择 .xlsx 文件") as HTMLInputElement;

function pick(...files: File[]): void {
  fireEvent.change(fileInput(), { target: { files } });
}

async function consolidate(): Promise<void> {
  fireEvent.click(consolidateButton());
  await within(consolidateSection()).findByRole("status", { name: "汇总问题按级别统计" }, { timeout: 30_000 });
}

describe("汇总", () => {
  it("counts the workbook's fill-in sheets once the section is on screen", async () => {
    await renderCounted(reportsHost());
    expect(await screen.findByRole("checkbox", { name: "本工作簿中的填报表（5 张）" })).toBeTruthy();
    expect(screen.queryByRole("checkbox", { name: "本工作簿中的填报表" })).toBeNull();
    expect((screen.getByRole("checkbox", { name: /本工作簿中的填报表/ }) as HTMLInputElement).checked).toBe(true);
  });

  it("consolidates the five real reports: writes 汇总表 and the other sheets, shows 5 districts and the index top", async () => {
    const host = reportsHost();
    await renderCounted(host);
    await consolidate();
    const section = consolidateSection();
    expect(within(section).getByText("已汇总 5 个区县（2024 年度）。")).toBeTruthy();

    const plan = host.applied.at(-1)!;
    const written = plan.sheets.map((s) => s.name);
    for (const name of [CONSOLIDATION_SHEETS.summary, CONSOLIDATION_SHEETS.ranks, CONSOLIDATION_SHEETS.index, CONSOLIDATION_SHEETS.findings]) expect(written).toContain(name);
    expect(host.names()).toEqual(expect.arrayContaining(Object.values(CONSOLIDATION_SHEETS)));
    // 行政复议申请受理数: 荣昌 337 + 渝中 159 + 水磨沟 133, by hand.
    expect(host.valueAt(CONSOLIDATION_SHEETS.summary, totalAddress(summaryLayout(standardTemplate(), 5), "E01"))).toBe(337 + 159 + 133);

    const figures = within(section).getByRole("region", { name: "全市主要数字" });
    expect(within(figures).getByText("行政复议申请受理数（E01）")).toBeTruthy();
    expect(figures.querySelector('[data-code="E01"]')?.textContent).toBe("629 件");

    const table = within(section).getByRole("table", { name: /^综合指数前 \d 名$/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(5);
    expect(within(rows[0]).getAllByRole("cell")[0].textContent).toBe("1");
    const districts = rows.map((r) => within(r).getByRole("rowheader").textContent);
    for (const d of districts) expect(["荣昌区", "渝中区", "巴州区", "水磨沟区", "重庆市司法局"]).toContain(d);

    // The three 2023 reports still take part, and the pane says so.
    expect(within(section).getByText(/年度不是 2024 的表仍参加了汇总：/).textContent).toMatch(/渝中区 2023/);
    expect(within(section).getByRole("status", { name: "汇总问题按级别统计" }).textContent).toMatch(/错误 \d+.*警告 \d+.*提示 \d+/);
  });

  it("opens 汇总表 and 问题清单 at A1", async () => {
    const host = reportsHost();
    await renderCounted(host);
    await consolidate();
    fireEvent.click(screen.getByRole("button", { name: "打开汇总表" }));
    await waitFor(() => expect(host.selected.at(-1)).toEqual({ sheet: CONSOLIDATION_SHEETS.summary, addresses: ["A1"] }));
    fireEvent.click(screen.getByRole("button", { name: "打开问题清单" }));
    await waitFor(() => expect(host.selected.at(-1)).toEqual({ sheet: CONSOLIDATION_SHEETS.findings, addresses: ["A1"] }));
    expect(host.activeSheet).toBe(CONSOLIDATION_SHEETS.findings);
  });

  it("lists picked files with their fill-in sheets; a bad file shows its error and does not block the others", async () => {
    const host = new FakeHost();
    await renderCounted(host);
    const good = await reportsFile("渝中区与荣昌区.xlsx", [yuzhong2023, rongchang2024]);
    const notXlsx = new File([new TextEncoderLike().encode("区县,年度\n荣昌区,2024\n")], "荣昌区.csv", { type: "text/csv" });
    const noTemplate = new File([new Uint8Array(await toBuffer(blankWorkbook()))], "空白.xlsx", { type: XLSX });
    pick(good, notXlsx, noTemplate);

    const list = await screen.findByRole("list", { name: "区县文件" });
    await within(list).findByText("2 张填报表", undefined, { timeout: 30_000 });
    await within(list).findByText(/文件中没有汇审填报表/, undefined, { timeout: 30_000 });
    const item = (name: string) => list.querySelector<HTMLElement>(`[data-file="${name}"]`)!;
    expect(item("荣昌区.csv").textContent).toContain("不是 .xlsx 工作簿，无法读取。");
    expect(item("空白.xlsx").textContent).toContain("文件中没有汇审填报表。");

    // FakeHost cannot insert sheets from a file: the files are consolidated from outside the workbook.
    expect(screen.getByText(/此版本的 Excel 不能插入其他工作簿的工作表/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "移除 空白.xlsx" }));
    expect(item("空白.xlsx")).toBeNull();
    await consolidate();
    const section = consolidateSection();
    // The workbook's own Sheet1 is no fill-in sheet: only the two from the file (the latest year, 2024).
    expect(within(section).getByText("已汇总 2 个区县（2024 年度）。")).toBeTruthy();
    expect(within(section).getByText(/以下文件在工作簿外汇总.*渝中区与荣昌区\.xlsx/)).toBeTruthy();
    // Sheets from a file left outside are named on 问题清单, not linked, and not flagged.
    expect(host.names()).not.toContain("渝中区 2023");
  });

  it("inserts the picked files as sheets first where Excel can, then consolidates them with the workbook's", async () => {
    const host = new InsertingHost([reportSnapshot(bazhou2023).snapshot]);
    await renderCounted(host);
    pick(await reportsFile("荣昌与水磨沟.xlsx", [rongchang2024, shuimogou2024]));
    await screen.findByText("2 张填报表", undefined, { timeout: 30_000 });
    const insert = screen.getByRole("checkbox", { name: "将区县文件插入为工作表（可在表上标注问题）" }) as HTMLInputElement;
    expect(insert.checked).toBe(true);
    await consolidate();
    expect(host.insertedFiles).toEqual(["荣昌与水磨沟.xlsx"]);
    expect(host.names().slice(0, 3)).toEqual(["巴州区 2023", "荣昌区 2024", "水磨沟区 2024"]);
    const section = consolidateSection();
    expect(within(section).getByText("已汇总 3 个区县（2024 年度）。")).toBeTruthy();
    expect(within(section).getByText("已插入工作表：荣昌区 2024、水磨沟区 2024。")).toBeTruthy();
    // Inserted once: the file leaves the list, and the count follows the workbook.
    expect(screen.queryByRole("list", { name: "区县文件" })).toBeNull();
    expect(await screen.findByRole("checkbox", { name: "本工作簿中的填报表（3 张）" })).toBeTruthy();
    // The inserted sheets are flagged like the workbook's own (荣昌 2024's inconsistent 审结率 at E65).
    expect(host.fillAt("荣昌区 2024", "E65")).toBeDefined();
  });

  it("takes the options: a district list names who is missing, the city-level sheet is compared and not ranked", async () => {
    const host = reportsHost();
    await renderCounted(host);
    fireEvent.click(screen.getByRole("button", { name: "汇总选项" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "市级名称" }), { target: { value: "重庆市司法局" } });
    fireEvent.change(screen.getByRole("textbox", { name: "区县名单" }), { target: { value: "荣昌区\n渝中区\n北碚区\n" } });
    fireEvent.click(screen.getByRole("radio", { name: "目标值" }));
    await consolidate();
    const section = consolidateSection();
    expect(within(section).getByText(/已汇总 4 个区县（2024 年度）。/)).toBeTruthy();
    expect(within(section).getByText(/市级填报表“重庆市司法局”已与各区县之和比较/)).toBeTruthy();
    expect(within(section).getByText("名单中没有填报表的区县：北碚区。")).toBeTruthy();
    const districts = within(within(section).getByRole("table")).getAllByRole("rowheader").map((c) => c.textContent);
    expect(districts).not.toContain("重庆市司法局");
  });

  it("refuses a year that is not a year", async () => {
    await renderCounted(reportsHost());
    fireEvent.click(screen.getByRole("button", { name: "汇总选项" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "汇总年度" }), { target: { value: "24" } });
    expect(await screen.findByText(/请填写四位年份（2000–2100），或留空/)).toBeTruthy();
    expect(consolidateButton().hasAttribute("disabled")).toBe(true);
  });

  it("keeps the pane busy while consolidating: every writing button is disabled and live checking waits", async () => {
    const host = reportsHost();
    await renderCounted(host);
    const release = host.hold();
    fireEvent.click(consolidateButton());
    expect(await screen.findByText("正在读取工作簿…")).toBeTruthy();
    for (const name of ["插入模板", "校验", "清除标记"]) expect(screen.getByRole("button", { name }).hasAttribute("disabled")).toBe(true);
    expect(consolidateButton().hasAttribute("disabled")).toBe(true);
    host.emitChange("荣昌区 2024"); // e.g. Huishen's own flags: ignored while busy
    await act(async () => release());
    await within(consolidateSection()).findByRole("status", { name: "汇总问题按级别统计" }, { timeout: 30_000 });
    // Past the live check's delay: no re-check of 荣昌 came to overwrite the consolidation's flags.
    await act(() => new Promise((resolve) => setTimeout(resolve, LIVE_CHECK_DELAY_MS + 300)));
    expect(host.applied).toHaveLength(1);
    expect(screen.queryByRole("status", { name: "问题数量" })).toBeNull();
  });

  it("says when there is nothing to consolidate, and shows a host error in the section", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const host = new FakeHost();
    await renderCounted(host);
    fireEvent.click(consolidateButton());
    expect(await screen.findByText("没有找到可汇总的填报表。")).toBeTruthy();
    expect(host.applied).toHaveLength(0);

    host.failNext(new Error("Excel 正忙，请稍后重试。"));
    fireEvent.click(consolidateButton());
    const section = consolidateSection();
    expect(await within(section).findByText("Excel 正忙，请稍后重试。")).toBeTruthy();
    expect(within(section).getByText("操作没有完成")).toBeTruthy();
    logged.mockRestore();
  });

  it("asks for a source when neither the workbook nor a file is picked", async () => {
    const host = reportsHost();
    await renderCounted(host);
    fireEvent.click(screen.getByRole("checkbox", { name: /本工作簿中的填报表/ }));
    fireEvent.click(consolidateButton());
    expect(await screen.findByText("请勾选本工作簿中的填报表，或添加区县文件。")).toBeTruthy();
    expect(host.applied).toHaveLength(0);
  });
});

describe("汇总 options as typed", () => {
  it("reads a district list one per line (commas and 、 also separate), without blanks or repeats", () => {
    expect(parseDistrictList("荣昌区\n\n 渝中区 \r\n巴州区、水磨沟区,荣昌区\n")).toEqual(["荣昌区", "渝中区", "巴州区", "水磨沟区"]);
    expect(parseDistrictList("  \n")).toEqual([]);
  });

  it("takes an empty year as the latest, and refuses what is not a four-digit year", () => {
    expect(parseYearOption("")).toBeUndefined();
    expect(parseYearOption(" 2024 ")).toBe(2024);
    expect(parseYearOption("24")).toBeNull();
    expect(parseYearOption("1999")).toBeNull();
  });
});

/** A valid .xlsx with one ordinary sheet. */
function blankWorkbook() {
  const wb = newWorkbook();
  wb.addWorksheet("说明").getCell("A1").value = "各区县请填写附件";
  return wb;
}

/** jsdom has no TextEncoder; the CSV's bytes as UTF-8. */
class TextEncoderLike {
  encode(s: string): Uint8Array<ArrayBuffer> {
    return new Uint8Array(Buffer.from(s, "utf8"));
  }
}
