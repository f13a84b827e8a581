import { SheetReader, checkWorkbook } from "../../src/core/check-workbook";
import { consolidate } from "../../src/core/consolidate";
import { KeyRanker } from "../../src/core/consolidate/rank-keys";
import { keepShape, keptExemplar } from "../../src/core/keep-shape";
import { COL } from "../../src/core/sheet/layout";
import { FlagRows } from "../../src/core/flags/state";
import { CellGroups } from "../../src/core/sheet/cell-groups";
import { EntryTable } from "../../src/core/sheet/entry-table";
import { CodeSet, FiguresByCode, LabelsByCode, MatrixRowByCode } from "../../src/core/template/by-code";
import { sheetWith } from "../helpers/sheet-with";

describe("keepShape", () => {
  it("keeps the first object made for a class, once, even when making it constructs the class again", () => {
    let made = 0;
    class Probe {
      constructor() {
        made++;
        keepShape(Probe, () => new Probe());
      }
    }
    const first = new Probe();
    new Probe();
    // The two asked for and one exemplar: the exemplar's own constructor found its class already taken.
    expect(made).toBe(3);
    const kept = keptExemplar(Probe);
    expect(kept).toBeInstanceOf(Probe);
    expect(kept).not.toBe(first);
  });
});

/**
 * The exemplar keeps a shape alive only if it is the shape the run's objects have: V8 gives objects the
 * same shape when they got the same properties in the same order. A field added after the constructor
 * (`this.x ??= …` on first use) would give the run's objects another shape, which dies with them.
 */
describe("the engine's exemplars have the shape of the objects a run makes", () => {
  // Cells that fill every field a reading makes on demand: a raw text (近似值), an unreadable value, a remark.
  const { snapshot, rowOf } = sheetWith({ A01: "200余", A02: "很多", A03: 12 });
  snapshot.values[rowOf.get("A03")!][COL.remarks] = "含线上学法";
  const second = sheetWith({ A01: 30 }, { district: "第二区", year: 2024 }).snapshot;
  const reader = new SheetReader();
  const run = checkWorkbook([snapshot, second], reader);
  const c = consolidate([{ snapshots: [snapshot, second], inWorkbook: true }], {}, reader)!;

  const ownKeys = (o: object | undefined) => (o === undefined ? [] : Reflect.ownKeys(o));

  it("a sheet's entry table, with its texts, reasons and remarks filled", () => {
    const entries = run.sheets[0].entries;
    expect(entries.get("A01")?.thisYear.raw).toBe("200余");
    expect(entries.get("A02")?.thisYear.status).toBe("invalid");
    expect(entries.get("A03")?.remark).toBe("含线上学法");
    expect(ownKeys(keptExemplar(EntryTable))).toEqual(ownKeys(entries));
  });

  it("a district's figures, code sets and labels, and a row of the composite index's matrix", () => {
    const d = c.districts[0];
    expect(ownKeys(keptExemplar(FiguresByCode))).toEqual(ownKeys(d.figures));
    expect(ownKeys(keptExemplar(CodeSet))).toEqual(ownKeys(d.blank));
    expect(ownKeys(keptExemplar(LabelsByCode))).toEqual(ownKeys(d.rateSource));
    expect(ownKeys(keptExemplar(MatrixRowByCode))).toEqual(ownKeys(c.index.normalised[0]));
  });

  it("the reader, the ranker, a flag plan's cell groups and its rows of the state sheet", () => {
    expect(ownKeys(keptExemplar(SheetReader))).toEqual(ownKeys(reader));
    expect(ownKeys(keptExemplar(KeyRanker))).toEqual(ownKeys(new KeyRanker(3)));
    const groups = new CellGroups();
    groups.add("E9", 0);
    groups.add("E9", 1);
    expect(ownKeys(keptExemplar(CellGroups))).toEqual(ownKeys(groups));
    const rows = new FlagRows([{ sheet: "区县", address: "E9", fill: null, note: true }]);
    expect(ownKeys(keptExemplar(FlagRows))).toEqual(ownKeys(rows));
  });
});
