import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { promises as fsp } from "node:fs";
import { writeWorkbookFile } from "../../../src/cli/workbook-files";
import { buildReportsWorkbook } from "../../fixtures/build-workbook";
import { rongchang2024, yuzhong2023 } from "../../fixtures/reports";
import { decide, rate } from "../../helpers/review-decisions";
import { NO_TRACE, run, scratch } from "./run-cli";

const path = scratch("huishen-outputs-");
const a = path("荣昌区.xlsx");
const b = path("渝中区.xlsx");

beforeAll(async () => {
  await writeWorkbookFile(await buildReportsWorkbook([rongchang2024]), a);
  await writeWorkbookFile(await buildReportsWorkbook([yuzhong2023]), b);
});

/** Run, and prove every input kept its bytes. */
async function runKeepingInputs(...argv: string[]) {
  const before = [a, b].map((f) => readFileSync(f));
  const r = await run(...argv);
  [a, b].forEach((f, i) => expect(readFileSync(f).equals(before[i])).toBe(true));
  return r;
}

describe("an output never overwrites an input", () => {
  test("validate --annotate onto its own input is refused with exit 2", async () => {
    const r = await runKeepingInputs("validate", a, "--annotate", a);
    expect(r.code).toBe(2);
    expect(r.err).toContain("汇审从不改写输入文件");
  });

  test("consolidate --html through a symbolic link or a hard link to an input is refused", async () => {
    symlinkSync(b, path("report-symlink.html"));
    linkSync(b, path("report-hardlink.html"));
    for (const html of ["report-symlink.html", "report-hardlink.html"]) {
      const r = await runKeepingInputs("consolidate", a, b, "-o", path(`o-${html}.xlsx`), "--html", path(html));
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(`--html ${path(html)} 指向输入文件 ${b}`)]);
      expect(existsSync(path(`o-${html}.xlsx`))).toBe(false);
    }
  });

  test("-o spelled another way (./, ..) still resolves to the input", async () => {
    const r = await runKeepingInputs("consolidate", a, b, "-o", path("sub/../渝中区.xlsx"));
    expect(r.code).toBe(2);
  });

  test("a --split file that would land on the input is refused", async () => {
    const split = path("split");
    mkdirSync(split);
    // The reviewed workbook itself sits where 荣昌区's opinion file would be written.
    const input = `${split}/审核意见-荣昌区.xlsx`;
    const wb = await buildReportsWorkbook([rongchang2024]);
    await decide(wb, rate("E03"), { status: "sentBack", note: "审结率应为 83.98%，请更正" });
    await writeWorkbookFile(wb, input);
    const before = readFileSync(input);
    const r = await run("review-report", input, "--split", split);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("汇审从不改写输入文件")]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("template -o onto an existing file asks for --force", async () => {
    const t = path("t.xlsx");
    expect((await run("template", "-o", t)).code).toBe(0);
    const before = readFileSync(t);
    const again = await run("template", "-o", t);
    expect([again.code, again.err]).toEqual([2, expect.stringContaining("已存在；要替换它请加 --force")]);
    expect(readFileSync(t).equals(before)).toBe(true);
    expect((await run("template", "-o", t, "--force", "--district", "荣昌区")).code).toBe(0);
  });

  test("writes go through a temporary file beside the target; what a killed run left is cleaned up", async () => {
    const dir = path("temps");
    mkdirSync(dir);
    // A temporary file of a process that no longer runs (pid far above any pid_max), as a killed run leaves it.
    const stale = `${dir}/.~t.xlsx.huishen-4194399-0.tmp`;
    writeFileSync(stale, Buffer.alloc(4 * 1024 * 1024));
    expect((await run("template", "-o", `${dir}/t.xlsx`)).code).toBe(0);
    expect(readdirSync(dir)).toEqual(["t.xlsx"]);
  });
});

describe("every failure is a named message and exit 2, never a stack trace", () => {
  test("a missing folder", async () => {
    const r = await run("template", "-o", path("missing/dir/t.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`文件夹 ${path("missing/dir")} 不存在`);
    expect(r.err).not.toMatch(NO_TRACE);
  });

  test.each([
    ["EACCES", "没有在文件夹"],
    ["ENOSPC", "磁盘空间不足"],
    ["EROFS", "该磁盘是只读的"],
    ["EBUSY", "文件被其他程序占用"],
  ])("a write failing with %s says %s (the code itself only with --verbose)", async (code, words) => {
    const spy = jest.spyOn(fsp, "writeFile").mockRejectedValueOnce(Object.assign(new Error(`${code}: failed`), { code }));
    try {
      const r = await run("validate", a, "--annotate", path(`annotated-${words.length}.xlsx`));
      expect(r.code).toBe(2);
      expect(r.err).toContain(words);
      expect(r.err).not.toContain(code);
      expect(r.err).not.toMatch(NO_TRACE);
    } finally {
      spy.mockRestore();
    }
    const spy2 = jest.spyOn(fsp, "writeFile").mockRejectedValueOnce(Object.assign(new Error(`${code}: failed`), { code }));
    try {
      expect((await run("validate", a, "--annotate", path(`annotated-${words.length}.xlsx`), "--verbose")).err).toContain(`(${code})`);
    } finally {
      spy2.mockRestore();
    }
    expect(existsSync(path(`annotated-${words.length}.xlsx`))).toBe(false);
    expect(readdirSync(path("")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("a damaged workbook is explained in Chinese; the library's words only with --verbose", async () => {
    const bytes = readFileSync(a);
    writeFileSync(path("cut.xlsx"), bytes.subarray(0, bytes.length - 200));
    const r = await run("validate", path("cut.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件已损坏或不完整");
    expect(r.err).not.toMatch(NO_TRACE);
    expect((await run("validate", path("cut.xlsx"), "--verbose")).err).toMatch(/\(.*(central directory|runs past)/);
  });

  test("a district name a sheet name cannot hold gets a Chinese notice and a sheet name that keeps the year", async () => {
    const slash = await run("template", "-o", path("slash.xlsx"), "--district", "高新区/经开区", "--year", "2024");
    expect(slash.code).toBe(0);
    expect(slash.err).toContain("工作表命名为“高新区-经开区 2024”");
    const long = "某某市某某新区管理委员会社会事业和行政审批服务局法治办公室"; // 29 characters
    const r = await run("template", "-o", path("long.xlsx"), "--district", `${long}第一分局`, "--year", "2024");
    expect(r.code).toBe(0);
    expect(r.err).toContain("过长");
    expect(r.out).toMatch(/工作表“.{26} 2024”/);
  });
});

describe("messages in the reader's language", () => {
  test("--lang en says it in English only; Chinese by default", async () => {
    const en = await run("validate", path("nowhere.xlsx"), "--lang", "en");
    expect([en.code, en.err]).toEqual([2, `File not found: ${path("nowhere.xlsx")}\n`]);
    const zh = await run("validate", path("nowhere.xlsx"));
    expect(zh.err).toBe(`找不到文件：${path("nowhere.xlsx")}\n`);
    const same = await run("validate", a, "--annotate", a, "--lang", "en");
    expect(same.err).toMatch(/^--annotate .* is the input file .*: Huishen never writes over an input/);
    expect(same.err).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
