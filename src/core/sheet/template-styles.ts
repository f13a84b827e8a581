/** Cell styles of the fill-in sheet: white unlocked inputs, grey locked text, right-aligned labels. */
import { COLORS } from "./layout";

export const INPUT_STYLE = { locked: false, border: true, fill: COLORS.input } as const;
export const LOCKED_STYLE = { border: true, fill: COLORS.locked } as const;
export const LABEL_STYLE = { bold: true, hAlign: "right", wrap: true, vAlign: "middle" } as const;
