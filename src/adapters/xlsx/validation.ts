/**
 * Data validation on ranges with ExcelJS.
 *
 * ExcelJS 4.4 keeps validations in `ws.dataValidations.model`, keyed by address. Keys may be
 * ranges ("E5:E20", written as one `sqref`); a file that is read back has them expanded to
 * one key per cell. Excel rejects a file where two validations cover the same cell, so
 * before adding a range we drop whatever already covers any of its cells, and before
 * writing we merge per-cell keys into rectangles ourselves (`compactValidations`): ExcelJS's
 * own merging sorts addresses as strings ("A10" < "A2") and emits overlapping ranges.
 * `dataValidations` is missing from ExcelJS's type declarations, hence the local interface.
 */
import type * as ExcelJS from "exceljs";
import type { InputRuleSpec } from "../../core/plan/write-plan";
import { addressOf } from "../../core/grid";
import { cellsOf, contains, overlaps, parseRange, Rect, rectText } from "../../core/plan/range";
import { listLiteral, splitRanges } from "../../core/plan/data-validation";

export interface DataValidationsLike {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
}

export function dataValidationsOf(ws: ExcelJS.Worksheet): DataValidationsLike {
  return (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations;
}


export function toExcelValidation(v: InputRuleSpec): ExcelJS.DataValidation {
  const dv: ExcelJS.DataValidation = {
    type: v.type,
    // Blank means "not reported": a person may leave the cell empty.
    allowBlank: true,
    formulae: [],
    showErrorMessage: true,
    errorStyle: v.errorStyle,
  };
  if (v.type === "list") {
    dv.formulae = [listLiteral(v.list ?? [])];
  } else {
    const op = v.operator ?? "between";
    dv.operator = op;
    dv.formulae = op === "between" ? [v.min, v.max] : [v.min];
  }
  if (v.prompt !== undefined || v.promptTitle !== undefined) {
    dv.showInputMessage = true;
    if (v.promptTitle !== undefined) dv.promptTitle = v.promptTitle;
    if (v.prompt !== undefined) dv.prompt = v.prompt;
  }
  if (v.errorTitle !== undefined) dv.errorTitle = v.errorTitle;
  if (v.error !== undefined) dv.error = v.error;
  return dv;
}

/** Remove every existing validation on cells of `target`, keeping the parts outside it. */
function clearValidations(dvs: DataValidationsLike, target: Rect): void {
  for (const key of Object.keys(dvs.model)) {
    const existing = dvs.model[key];
    const rect = parseRange(key);
    if (!existing || !rect || !overlaps(rect, target)) continue;
    delete dvs.model[key];
    // Keep the cells of a wider range that lie outside the target, one key per cell,
    // the same shape ExcelJS gives a file it reads (it merges them again on write).
    if (rect.top !== rect.bottom || rect.left !== rect.right) {
      for (const { row, col } of cellsOf(rect)) {
        if (!contains(target, row, col)) dvs.model[addressOf(row, col)] = existing;
      }
    }
  }
}

/** Add one plan validation; returns how many ranges it covered. */
export function addValidation(ws: ExcelJS.Worksheet, v: InputRuleSpec): number {
  const dvs = dataValidationsOf(ws);
  const dv = toExcelValidation(v);
  let n = 0;
  for (const text of splitRanges(v.range)) {
    const rect = parseRange(text);
    if (!rect) throw new Error(`Bad validation range "${text}"`);
    clearValidations(dvs, rect);
    // A fresh object per range: ExcelJS merges equal neighbours by value, not identity.
    dvs.add(rectText(rect), { ...dv, formulae: [...dv.formulae] });
    n++;
  }
  return n;
}

/**
 * Replace per-cell keys with non-overlapping rectangles of equal validations. Works around
 * ExcelJS 4.4 writing A2:A20 (read back as 19 keys) as two overlapping sqrefs, A10:A20 and
 * A2:A20. Range keys and keys we do not understand ("E:E") are kept as they are.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const dvs = dataValidationsOf(ws);
  // Cells as numbers (row * 2^14 + col fits easily in a double): a column-wide validation read
  // from a person's file is a million keys, and string keys made this several times slower.
  const WIDTH = 16384;
  const byObject = new Map<ExcelJS.DataValidation, Set<number>>();
  // The keys kept as they are go into a new model: deleting most keys of a large object one by one is slow.
  const model: DataValidationsLike["model"] = {};
  for (const [key, dv] of Object.entries(dvs.model)) {
    if (!dv) continue;
    const rect = parseRange(key);
    if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) {
      model[key] = dv;
      continue;
    }
    let cells = byObject.get(dv);
    if (!cells) byObject.set(dv, (cells = new Set<number>()));
    cells.add(rect.top * WIDTH + rect.left);
  }
  dvs.model = model;
  // Equal validations held in different objects are one group, as ExcelJS compares them by value. Only
  // objects that share a prompt and its title can be equal: a template's rows differ in theirs (the title
  // names the indicator), and comparing every object by value (as JSON) was most of this function's time.
  const promptOf = (dv: ExcelJS.DataValidation) => `${dv.promptTitle ?? ""}\u0000${dv.prompt ?? ""}`;
  const sharingPrompt = new Map<string, number>();
  for (const dv of byObject.keys()) sharingPrompt.set(promptOf(dv), (sharingPrompt.get(promptOf(dv)) ?? 0) + 1);
  const groups = new Map<unknown, { dv: ExcelJS.DataValidation; cells: Set<number> }>();
  for (const [dv, cells] of byObject) {
    const id = sharingPrompt.get(promptOf(dv))! > 1 ? JSON.stringify(dv) : dv;
    const g = groups.get(id);
    if (g) for (const c of cells) g.cells.add(c);
    else groups.set(id, { dv, cells });
  }
  for (const { dv, cells } of groups.values()) {
    const free = (r: number, c: number) => cells.has(r * WIDTH + c);
    const take = (r: number, c: number) => cells.delete(r * WIDTH + c);
    for (const start of [...cells].sort((a, b) => a - b)) {
      if (!cells.has(start)) continue; // already inside an earlier rectangle
      const top = Math.floor(start / WIDTH);
      const left = start % WIDTH;
      let right = left;
      while (free(top, right + 1)) right++;
      let bottom = top;
      const rowFree = (r: number) => {
        for (let c = left; c <= right; c++) if (!free(r, c)) return false;
        return true;
      };
      while (rowFree(bottom + 1)) bottom++;
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) take(r, c);
      dvs.model[rectText({ top, left, bottom, right })] = dv;
    }
  }
}
