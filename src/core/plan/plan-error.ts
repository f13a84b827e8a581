import type { Lang } from "../findings/format";
import { translator, type Worded } from "../text/translate";
import { MARKS } from "../text/wording";

// The problems are technical (a sheet name that exists, a bad colour): a defect of Huishen's, never the person's.
const { t } = translator(
  { refused: "写入计划无法执行，工作簿未被改动（这是汇审的缺陷，请告知维护者）：{problems}" } as const,
  { refused: "The write plan cannot be applied; the workbook was not changed (a defect of Huishen's; please tell the maintainers): {problems}" },
);

/** A write plan a workbook cannot take: thrown by adapters before anything is written; the pane words it. */
export class PlanError extends Error implements Worded {
  override readonly name = "PlanError";
  constructor(readonly problems: readonly string[]) {
    super(`Write plan cannot be applied: ${problems.join("; ")}`);
  }

  wordsIn(lang: Lang): string {
    return t(lang, "refused", { problems: this.problems.join(MARKS[lang].semicolon) });
  }
}
