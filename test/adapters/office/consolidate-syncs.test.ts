/**
 * The pane's 汇总 path through the Office.js host (read the workbook, plan the consolidation, apply it)
 * against the counting fake Excel: a constant number of round trips whatever the number of districts —
 * read 2, apply 1 (inspect) + one per request — that grows only when the payload needs more requests.
 */
import { generatedDistrict } from "../../../bench/generate";
import { DEFAULT_MAX_REQUEST_BYTES } from "../../../src/adapters/office/apply";
import { insertSheetsFromBase64 } from "../../../src/adapters/office/insert";
import { SyncCounter, syncerFor } from "../../../src/adapters/office/sync";
import { CONSOLIDATION_SHEETS, planConsolidate } from "../../../src/core/consolidate";
import { figureRange, summaryLayout, totalAddress } from "../../../src/core/consolidate/layout";
import { standardTemplate } from "../../../src/core/template/registry";
import { fakeSheetOf } from "../../browser/workbook";
import type { FakeSheetInit } from "../../office-fake/excel-fake";
import { setup, syncsOf, teardown } from "./helpers";

afterEach(teardown);
jest.setTimeout(120_000);

const READ_SYNCS = 2; // sheet list + every sheet's cells
const INSPECT_SYNCS = 1; // what apply learns before it writes

/** `n` generated districts (every indicator filled) as template sheets of the fake workbook. */
function districts(n: number): FakeSheetInit[] {
  return Array.from({ length: n }, (_, i) => fakeSheetOf(generatedDistrict(standardTemplate(), i)));
}

interface Measured {
  readonly syncs: number;
  readonly readSyncs: number;
  readonly applySyncs: number;
  readonly chunks: number;
  /** Request payloads of the apply, as the fake measured them (JSON, UTF-8). */
  readonly bytes: number;
  readonly districts: number;
  /** The plan's heaviest sheets (JSON bytes), for the log. */
  readonly heaviest: string;
}

/** What the pane's 汇总 does, counted: read, planConsolidate, apply. */
async function consolidateThroughHost(n: number, opts: { apiVersion?: string; maxRequestBytes?: number } = {}): Promise<Measured & { total: (code: string) => unknown }> {
  const { fake, host } = setup(opts.apiVersion ?? "1.18", { sheets: districts(n) }, { maxRequestBytes: opts.maxRequestBytes });
  fake.resetCounters();
  const { result: read, syncs: readSyncs } = await syncsOf(host, () => host.read());
  const outcome = planConsolidate(read, { workbookSheets: "all", files: [], options: {}, lang: "zh" });
  if (!outcome.ok) throw new Error("nothing consolidated");
  const sizes = outcome.plan.sheets.map((sp) => ({ name: sp.name, bytes: Buffer.byteLength(JSON.stringify(sp)) })).sort((a, b) => b.bytes - a.bytes);
  const flagged = sizes.filter((x) => !Object.values(CONSOLIDATION_SHEETS).includes(x.name as never));
  const heaviest = [...sizes.filter((x) => Object.values(CONSOLIDATION_SHEETS).includes(x.name as never)).map((x) => `${x.name} ${x.bytes}`), `${flagged.length} district sheets ${flagged.reduce((a, x) => a + x.bytes, 0)}`].join(", ");
  const requestsBefore = fake.requests.length;
  const { result: stats, syncs: applySyncs } = await syncsOf(host, () => host.apply(outcome.plan));
  const applyRequests = fake.requests.slice(requestsBefore);
  const layout = summaryLayout(standardTemplate(), outcome.consolidation.districts.length);
  return {
    syncs: readSyncs + applySyncs,
    readSyncs,
    applySyncs,
    chunks: stats.chunks,
    bytes: applyRequests.reduce((sum, r) => sum + r.bytes, 0),
    districts: outcome.consolidation.districts.length,
    heaviest,
    total: (code) => fake.sheet(CONSOLIDATION_SHEETS.summary).cell(totalAddress(layout, code)).formula,
  };
}

describe("consolidating takes a constant number of syncs", () => {
  it("38 districts: read (2) + inspect (1) + one sync per request chunk", async () => {
    const m = await consolidateThroughHost(38);
    expect(m.districts).toBe(38);
    expect(m.readSyncs).toBe(READ_SYNCS);
    expect(m.applySyncs).toBe(INSPECT_SYNCS + m.chunks);
    expect(m.syncs).toBe(READ_SYNCS + INSPECT_SYNCS + m.chunks);
    // Chunks follow the payload only: as many as 4 MB requests need, no more.
    expect(m.chunks).toBe(Math.max(1, Math.ceil(m.bytes / DEFAULT_MAX_REQUEST_BYTES)));
    console.info(`汇总 38 districts: ${m.syncs} syncs (read ${m.readSyncs}, apply ${m.applySyncs}), ${m.chunks} chunk(s), ${m.bytes} bytes; plan: ${m.heaviest}`);
  });

  it("5 and 38 districts take the same number of syncs at the default request limit", async () => {
    const five = await consolidateThroughHost(5);
    teardown();
    const many = await consolidateThroughHost(38);
    console.info(`汇总 5 districts: ${five.syncs} syncs, ${five.chunks} chunk(s), ${five.bytes} bytes; 38: ${many.syncs} syncs, ${many.chunks} chunk(s), ${many.bytes} bytes`);
    expect(many.bytes).toBeGreaterThan(five.bytes);
    if (many.chunks === 1) expect(many.syncs).toBe(five.syncs);
    else expect(many.syncs).toBe(READ_SYNCS + INSPECT_SYNCS + many.chunks);
    expect(five.syncs).toBe(READ_SYNCS + INSPECT_SYNCS + five.chunks);
  });

  it("more chunks, and one more sync each, only when the payload needs them (a small request limit)", async () => {
    const limit = 250_000;
    const m = await consolidateThroughHost(38, { maxRequestBytes: limit });
    console.info(`汇总 38 districts at ${limit} bytes per request: ${m.syncs} syncs, ${m.chunks} chunks, ${m.bytes} bytes`);
    expect(m.chunks).toBeGreaterThan(1);
    expect(m.syncs).toBe(READ_SYNCS + INSPECT_SYNCS + m.chunks);
    // The chunking did not change what was written: the municipal total's formula is there.
    expect(m.total("E01")).toContain(`SUM(${figureRange(summaryLayout(standardTemplate(), 38), "E01")})`);
  });

  it("Excel 2019 (ExcelApi 1.7): the same shape, read 2 + inspect 1 + chunks", async () => {
    const m = await consolidateThroughHost(38, { apiVersion: "1.7" });
    expect(m.syncs).toBe(READ_SYNCS + INSPECT_SYNCS + m.chunks);
  });
});

describe("inserting a district file's sheets", () => {
  /** The little of Excel that `insertSheetsFromBase64` touches, counting syncs. */
  function fakeContext(existing: string[], answerIds: boolean) {
    const sheets = existing.map((name, i) => ({ id: `id-${i}`, name }));
    const queue: (() => void)[] = [];
    let syncs = 0;
    const ids = { value: undefined as string[] | undefined };
    const count = { value: undefined as number | undefined };
    const worksheets = {
      items: [] as { id: string; name: string }[],
      getCount: () => {
        queue.push(() => (count.value = sheets.length));
        return count;
      },
      load: () => queue.push(() => (worksheets.items = sheets.map((s) => ({ ...s })))),
    };
    const ctx = {
      workbook: {
        worksheets,
        insertWorksheetsFromBase64: (_base64: string, options: { sheetNamesToInsert: string[]; positionType: string }) => {
          queue.push(() => {
            expect(options.positionType).toBe("End");
            const added = options.sheetNamesToInsert.map((name, i) => {
              let given = name;
              for (let n = 2; sheets.some((s) => s.name === given); n++) given = `${name} (${n})`;
              const sheet = { id: `new-${i}`, name: given };
              sheets.push(sheet);
              return sheet;
            });
            if (answerIds) ids.value = added.map((s) => s.id);
          });
          return ids;
        },
      },
      sync: async () => {
        syncs++;
        for (const op of queue.splice(0)) op();
      },
    };
    return { ctx: ctx as unknown as Excel.RequestContext, syncs: () => syncs };
  }

  it.each([true, false])("takes one sync and gives back the names Excel chose (ids answered: %s)", async (answerIds) => {
    const { ctx, syncs } = fakeContext(["汇总表", "荣昌区 2024"], answerIds);
    const counter = new SyncCounter();
    const names = await insertSheetsFromBase64(ctx, syncerFor(ctx, 5, counter), { name: "荣昌.xlsx", base64: "UEsDBA==" }, ["荣昌区 2024", "渝中区 2023"]);
    expect(names).toEqual(["荣昌区 2024 (2)", "渝中区 2023"]);
    expect(syncs()).toBe(1);
    expect(counter.count).toBe(1);
  });
});
