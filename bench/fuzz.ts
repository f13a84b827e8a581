/**
 * Seeded fuzzing: random and adversarial cell values through the value parser, random rule
 * expressions through the rule language, random and corrupted workbooks through validate,
 * consolidate and review-report. Nothing may throw; every cell is parsed or invalid (a finding).
 * `npm test` runs a few seconds of it (test/fuzz); `npm run fuzz` runs the full counts and prints them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toBuffer } from "../src/adapters/xlsx";
import { main } from "../src/cli/main";
import { seededRandom } from "../src/core/consolidate/stats";
import type { CellValue } from "../src/core/grid";
import { evaluate, parseExpression, typeOf } from "../src/core/rules";
import { applyPlan, newWorkbook } from "../src/adapters/xlsx";
import { templateSheetPlan } from "../src/core/sheet/plan-template";
import { standardTemplate } from "../src/core/template/registry";
import { parseCellValue } from "../src/core/values/parse";

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const PIECES = [
  "0", "1", "2", "9", "159", "1,046", "12.5", ".5", "-", "+", "%", "％", "万", "亿", "千", "余", "多", "以上", "约", "近", "左右", "件", "人次", "元", "万元",
  "百分之", "九成", "一百五十九", "两千零二十四", "十二", "—", "/", "无", "暂无", " ", "\u3000", "\u200b", "\ufeff", "\u00ad", "\u202e", "１５９", "．", "e", "E+29",
  "#DIV/0!", "#N/A", "2024-01-15", "2024年", "5月1日", "(", ")", "=", "=SUM(A1)", "'", '"', "<", ">", "&", "\n", "\t", "∞", "NaN", "𠀀", "\ud800", "9".repeat(20),
];
const FORMATS = [undefined, "General", "0", "0.00", "0.00%", "0%", "@", "yyyy-mm-dd", "yyyy/m/d", '[$-804]yyyy"年"m"月"d"日"', "#,##0", "mm:ss", "[Red]0.0", ""];

export function randomCell(r: Random): CellValue {
  switch (Math.floor(r() * 6)) {
    case 0:
      return pick(r, [NaN, Infinity, -Infinity, -0, 0, 1e300, -1e-300, 1e15, 2 ** 53 + 1, 45306, 0.9444, 94.44, -1, 1.5]);
    case 1:
      return (r() - 0.5) * 10 ** Math.floor(r() * 20);
    case 2:
      return pick(r, [true, false, null, new Date(NaN), new Date(Date.UTC(2024, 0, 15)), ""]);
    default:
      return Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(r, PIECES)).join("");
  }
}

export function fuzzValues(count: number, seed = 1): number {
  const r = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const raw = randomCell(r);
    const p = parseCellValue(raw, pick(r, ["count", "amount", "rate"] as const), pick(r, FORMATS));
    if (p.status === "value" && !Number.isFinite(p.value)) throw new Error(`non-finite value from ${String(raw)}`);
    if (p.status !== "value" && p.status !== "blank" && p.status !== "invalid") throw new Error(`unknown status for ${String(raw)}`);
  }
  return count;
}

const TOKENS = ["E01", "E02", "A03", "Z99", "1", "0", "2.5", "1e309", "+", "-", "*", "/", "^", "<=", ">=", "==", "!=", "<", ">", "=", "AND", "OR", "NOT", "(", ")", ",", "SUM(", "MIN(", "MAX(", "ABS(", "ROUND(", "IF(", "ISBLANK(", "FOO(", "\"", "'", "#", "%", " ", "E0", "..", "-(", "((((("];

export function fuzzRules(count: number, seed = 2): number {
  const r = seededRandom(seed);
  const env = (code: string) => (code === "E01" ? { value: 337, approximate: false } : code === "E02" ? { value: 283, approximate: r() < 0.5 } : undefined);
  for (let i = 0; i < count; i++) {
    const text = Array.from({ length: Math.floor(r() * 12) }, () => pick(r, TOKENS)).join(r() < 0.5 ? " " : "");
    const parsed = parseExpression(text);
    if (!parsed.ok) continue;
    typeOf(parsed.value);
    evaluate(parsed.value, env, { tolerance: r() * 0.01 });
  }
  return count;
}

/** A filled template workbook with random cells typed into it, or its bytes damaged. */
async function randomWorkbook(r: Random, base: Buffer): Promise<Buffer> {
  const mode = Math.floor(r() * 4);
  if (mode === 0) {
    const bytes = Buffer.from(base);
    for (let k = 0; k < 1 + Math.floor(r() * 20); k++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
    return bytes;
  }
  if (mode === 1) return base.subarray(0, Math.floor(r() * base.length));
  const wb = newWorkbook(new Date(0));
  await applyPlan(wb, { sheets: [templateSheetPlan(standardTemplate(), { sheetName: `区${Math.floor(r() * 5)}`, district: pick(r, ["荣昌区", "渝中区", "", "[x]", "区".repeat(40)]), year: pick(r, [2023, 2024, undefined]) }).plan] });
  const ws = wb.worksheets[0];
  for (let k = 0; k < 40; k++) {
    const v = randomCell(r);
    ws.getCell(5 + Math.floor(r() * 95), 1 + Math.floor(r() * 10)).value = (v instanceof Date && Number.isNaN(v.getTime()) ? "" : (v as number | string | boolean | Date | null));
  }
  if (mode === 3 && r() < 0.5) ws.mergeCells(10, 5, 11, 6);
  return toBuffer(wb);
}

export async function fuzzWorkbooks(count: number, seed = 3): Promise<number> {
  const r = seededRandom(seed);
  const dir = mkdtempSync(join(tmpdir(), "huishen-fuzz-"));
  const wb = newWorkbook(new Date(0));
  await applyPlan(wb, { sheets: [templateSheetPlan(standardTemplate(), { sheetName: "荣昌区 2024", district: "荣昌区", year: 2024 }).plan] });
  const base = await toBuffer(wb);
  const quiet = { out: () => undefined, err: (t: string) => void (err += t) };
  let err = "";
  try {
    for (let i = 0; i < count; i++) {
      const a = join(dir, `a${i % 4}.xlsx`);
      const b = join(dir, `b${i % 4}.xlsx`);
      writeFileSync(a, await randomWorkbook(r, base));
      writeFileSync(b, await randomWorkbook(r, base));
      const before = readFileSync(a);
      err = "";
      const codes = [
        await main(["validate", a, "--json"], quiet),
        await main(["consolidate", a, b, "-o", join(dir, "out.xlsx"), "--json"], quiet),
        await main(["review-report", a, "--json"], quiet),
      ];
      if (err.includes("汇审内部错误") || codes.some((c) => c < 0 || c > 2)) throw new Error(`workbook ${i} (seed ${seed}): ${err}`);
      if (!readFileSync(a).equals(before)) throw new Error(`workbook ${i}: the input changed`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return count;
}

async function run(): Promise<void> {
  const t0 = Date.now();
  const values = fuzzValues(1_000_000);
  const rules = fuzzRules(100_000);
  const books = await fuzzWorkbooks(1_000);
  console.log(`fuzz: ${values.toLocaleString("en")} values, ${rules.toLocaleString("en")} rule expressions, ${books.toLocaleString("en")} workbooks (×3 commands), 0 throws, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
