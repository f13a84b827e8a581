import type { Lang } from "../../core/findings/format";
import { translator, type Worded } from "../../core/text/translate";

const { t } = translator(
  { timeout: "Excel 在 {seconds} 秒内没有响应（{action}）。请稍后重试；如果反复出现，请保存并重新打开工作簿。" } as const,
  { timeout: "Excel did not answer within {seconds} s ({action}). Try again later; if it keeps happening, save and reopen the workbook." },
);

/** A sync that did not answer in time (Excel on the web can hang): the pane shows it in the reader's language. */
export class HostTimeoutError extends Error implements Worded {
  constructor(readonly action: string, readonly seconds: number) {
    super(t("en", "timeout", { seconds, action }));
  }

  wordsIn(lang: Lang): string {
    return t(lang, "timeout", { seconds: this.seconds, action: this.action });
  }
}
