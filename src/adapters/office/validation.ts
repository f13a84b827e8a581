/** Input rules (Excel's data validation) queued for one range, as the file adapter writes them (xlsx/validation.ts). */
import type { InputRuleSpec } from "../../core/plan/write-plan";
import { jsonBytes } from "./blocks";
import type { Op, OpFn, SheetFn } from "./ops";

/** An Excel date serial (days since 1899-12-30) as yyyy-mm-dd. */
function isoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

export function queueValidation(name: string, range: string, v: InputRuleSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  // Dates as ISO text, which Excel's date rule takes (the plan gives serials).
  const bound = (n: number) => (v.type === "date" ? isoDate(n) : n);
  const limits =
    (v.operator ?? "between") === "between"
      ? { operator: "Between" as const, formula1: bound(v.min!), formula2: bound(v.max!) }
      : { operator: "GreaterThanOrEqualTo" as const, formula1: bound(v.min!) };
  const kind = v.type === "whole" ? "wholeNumber" : v.type === "date" ? "date" : "decimal";
  const rule: Excel.DataValidationRule = v.type === "list" ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } } : { [kind]: limits };
  const style = v.errorStyle === "stop" ? "Stop" : v.errorStyle === "warning" ? "Warning" : "Information";
  const errorAlert: Excel.DataValidationErrorAlert = { showAlert: true, style, title: v.errorTitle ?? "", message: v.error ?? "" };
  const prompt: Excel.DataValidationPrompt | undefined =
    v.prompt !== undefined || v.promptTitle !== undefined ? { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt ?? "" } : undefined;
  op(list, jsonBytes(rule) + jsonBytes(errorAlert) + jsonBytes(prompt), () => {
    const dv = sheet(name).getRange(range).dataValidation;
    // Replace whatever validation the cells had (as the file adapter does); blank stays allowed.
    dv.clear();
    dv.rule = rule;
    dv.ignoreBlanks = true;
    dv.errorAlert = errorAlert;
    if (prompt) dv.prompt = prompt;
  });
}
