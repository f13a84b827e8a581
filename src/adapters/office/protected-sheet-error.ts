import type { Lang } from "../../core/findings/format";
import { translator, type Worded } from "../../core/text/translate";
import { MARKS } from "../../core/text/wording";

const { t } = translator(
  { refused: "无法写入工作表“{sheets}”：取消保护失败（可能设置了密码），或 Excel 拒绝了写入。请先在 Excel 中取消保护后重试。" } as const,
  { refused: "Could not write to “{sheets}”: unprotecting failed (a password?) or Excel refused the write. Unprotect the sheets in Excel and try again." },
);

/** Sheets Huishen had to unprotect to write and could not (a person's password): nothing was written; the pane words it. */
export class ProtectedSheetError extends Error implements Worded {
  constructor(
    readonly sheets: readonly string[],
    options?: ErrorOptions,
  ) {
    super(t("en", "refused", { sheets: sheets.join(`”${MARKS.en.list}“`) }), options);
  }

  wordsIn(lang: Lang): string {
    return t(lang, "refused", { sheets: this.sheets.join(`”${MARKS[lang].list}“`) });
  }
}
