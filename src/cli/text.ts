/** The command line's report text, in the reader's language (`--lang`): one typed home, like the pane's. */
import { translator } from "../core/text/translate";
import { en } from "./locales/en";
import { zh } from "./locales/zh-CN";

export const { t } = translator(zh, en);
