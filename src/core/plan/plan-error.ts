/** A write plan a workbook cannot take (a sheet name that exists, a bad colour…): thrown by adapters before anything is written. */
export class PlanError extends Error {
  override readonly name = "PlanError";
  constructor(readonly problems: readonly string[]) {
    super(`写入计划无法执行：${problems.join("；")} / Write plan cannot be applied: ${problems.join("; ")}`);
  }
}
