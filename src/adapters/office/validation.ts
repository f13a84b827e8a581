/** Input rules (Excel's data validation) queued for one range, as the file adapter writes them (xlsx/validation.ts). */
import type { InputRuleSpec } from "../../core/plan/write-plan";
import { jsonBytes } from "./blocks";
import type { Op, OpFn, SheetFn } from "./ops";

export function queueValidation(name: string, range: string, v: InputRuleSpec, sheet: SheetFn, list: Op[], op: OpFn): void {
  const rule: Excel.DataValidationRule =
    v.type === "list"
      ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } }
      : {
          [v.type === "whole" ? "wholeNumber" : "decimal"]:
            (v.operator ?? "between") === "between"
              ? { operator: "Between", formula1: v.min!, formula2: v.max! }
              : { operator: "GreaterThanOrEqualTo", formula1: v.min! },
        };
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
