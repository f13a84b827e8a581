/** The workbench page's own text (the pane's sections bring theirs), Chinese first; English typed against it. */
import { translator } from "../core/text/translate";
import { en } from "./locales/en";
import { zh } from "./locales/zh-CN";

export type WorkbenchKey = keyof typeof zh;

const text = translator(zh, en);

export const w = text.t;
export const wMessage = text.message;
