import type { ValueEnv } from "../../../src/core/rules";

/** A report's figures as the evaluator sees them; codes absent from `figures` are blank (not reported). */
export function envOf(figures: Record<string, number>, approximate: readonly string[] = []): ValueEnv {
  return (code) => (Object.hasOwn(figures, code) ? { value: figures[code], approximate: approximate.includes(code) } : undefined);
}

/** 荣昌 2024, as reported. */
export const rongchang2024 = { B08: 10584, B09: 9737, B10: 847, E01: 337, E02: 283, E04: 58 };
/** 渝中 2023, as reported. */
export const yuzhong2023 = { E10: 18, E11: 17 };
