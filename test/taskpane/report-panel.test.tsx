/**
 * 从报告读数 in the pane: 荣昌 2024's report read beside its sheet — the figures with confidence, the
 * four wrong rates of the text itself, a differing cell named, and the certain figures filled into
 * blank cells only, each with its sentence in a note.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { COL } from "../../src/core/sheet/layout";
import { addressOf } from "../../src/core/grid";
import { rongchang2024 } from "../fixtures/reports";
import { reportSnapshot } from "../helpers/report-sheets";
import { FakeHost } from "./fake-host";
import { renderPane } from "./render-pane";

const report = readFileSync(join(__dirname, "../fixtures/reports/sources", rongchang2024.source), "utf8");

function pick(name: string, content: string | Uint8Array) {
  const input = screen.getByLabelText("选择报告文件") as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content as BlobPart], name)] } });
}

describe("从报告读数", () => {
  it("reads the report beside its sheet: text problems, a differing cell, and fills only blank cells", async () => {
    const { snapshot, rowOf } = reportSnapshot(rongchang2024, (values, rows) => {
      values[rows.get("E01")!][COL.thisYear] = ""; // not filled yet
      values[rows.get("E02")!][COL.thisYear] = 280; // filled, and not what the report says
    });
    const e01Row = rowOf.get("E01")!;
    const host = new FakeHost([snapshot], snapshot.name);
    await renderPane(host);
    pick("荣昌区报告.txt", report);

    const section = screen.getByRole("region", { name: "从报告读数" });
    await within(section).findByText(/^从“荣昌区报告\.txt”读出 \d+ 个数字：\d+ 个可信，\d+ 个待确认。$/);
    const problems = within(section).getByRole("list", { name: "报告文字中的问题" });
    expect(within(problems).getAllByText(/写为 .*，但同一句中/).map((li) => /（(\w+)）写为/.exec(li.textContent ?? "")?.[1]).sort()).toEqual(["D10", "E03", "E05", "F04"]);
    const differs = within(section).getByRole("list", { name: "与当前填报表不一致" });
    expect(differs.textContent).toMatch(/行政复议审结数（E02）填报 280 件，但报告写的是 283件/);

    fireEvent.click(within(section).getByRole("button", { name: /^填入空白单元格（\d+ 项）$/ }));
    await within(section).findByText(/^已填入 \d+ 项，每项的批注附报告原句；已填写的单元格没有改动。$/);
    const e01 = addressOf(e01Row, COL.thisYear);
    expect(host.valueAt(snapshot.name, e01)).toBe(337);
    expect(host.noteAt(snapshot.name, e01)).toContain("全年接收行政复议申请337件");
    // A value a person typed stays.
    expect(host.valueAt(snapshot.name, addressOf(rowOf.get("E02")!, COL.thisYear))).toBe(280);
    const written = host.applied.at(-1)!.sheets[0].cells!.map((c) => c.address);
    expect(written).not.toContain(addressOf(rowOf.get("E03")!, COL.thisYear));
  });

  it("names what it cannot read: a PDF, a legacy Word file", async () => {
    await renderPane(new FakeHost());
    pick("报告.pdf", "%PDF-1.7");
    await screen.findByText(/网页和加载项中不能读取 PDF：请在 WPS 或 Word 中另存为 \.docx/);
    pick("报告.doc", "x");
    await screen.findByText("这是旧版 Word/WPS 文字格式：请另存为 .docx 后再选择。");
    await waitFor(() => expect(screen.queryByText(/读出 \d+ 个数字/)).toBeNull());
  });
});
