import type { ArithOp, CompareOp } from "./ast";
import { err, ok, type Result } from "../result";

/** Why a rule's text could not be read; `position` is a UTF-16 offset into that text. */
export interface ParseProblem {
  readonly message: string;
  readonly position: number;
}

/** `text` is the source as typed (full-width characters included), for messages. */
export type Token =
  | { readonly kind: "number"; readonly value: number; readonly percent: boolean; readonly pos: number; readonly text: string }
  | { readonly kind: "ident"; readonly name: string; readonly pos: number; readonly text: string }
  | { readonly kind: "op"; readonly op: ArithOp | CompareOp; readonly pos: number; readonly text: string }
  | { readonly kind: "(" | ")" | ","; readonly pos: number; readonly text: string }
  | { readonly kind: "end"; readonly pos: number; readonly text: "" };

/**
 * Chinese input methods produce full-width forms (`＜＝`, `（`, `，`, `％`, `１２`). Each maps to
 * exactly one ASCII character, so offsets in the normalised text are offsets in the source.
 */
function toHalfWidth(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x2212) out += "-"; // − minus sign
    else if (c === 0x00d7) out += "*"; // ×
    else if (c === 0x00f7) out += "/"; // ÷
    else out += source[i];
  }
  return out;
}

// Two-character operators first, so `<=` is not read as `<` then `=`.
const OPERATORS: readonly (readonly [string, ArithOp | CompareOp])[] = [
  ["<=", "<="],
  [">=", ">="],
  ["<>", "<>"],
  ["!=", "<>"],
  ["==", "="],
  ["≤", "<="],
  ["≥", ">="],
  ["≠", "<>"],
  ["<", "<"],
  [">", ">"],
  ["=", "="],
  ["+", "+"],
  ["-", "-"],
  ["*", "*"],
  ["/", "/"],
];

const NUMBER = /(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?/y;
const IDENT = /[A-Za-z][A-Za-z0-9_]*/y;
// What may not touch a number: `1e`, `2A01`, `1.2.3` are typos, not two tokens.
const WORD_TAIL = /[A-Za-z0-9_.]+/y;

/** Splits a rule into tokens, ending with one `end` token. */
export function tokenize(source: string): Result<Token[], ParseProblem> {
  const text = toHalfWidth(source);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++; // includes U+3000 ideographic space
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /^[\d.]$/.test(ch) ? NUMBER.exec(text) : null;
    if (num) {
      let end = i + num[0].length;
      WORD_TAIL.lastIndex = end;
      const tail = WORD_TAIL.exec(text);
      if (tail) return err({ message: `malformed number "${source.slice(i, end + tail[0].length)}" at ${i}`, position: i });
      const percent = text[end] === "%";
      if (percent) end++;
      // Shift the decimal exponent instead of dividing by 100, so `94.44%` is exactly the double nearest 0.9444.
      const exponent = Number(num[2] ?? "0") - (percent ? 2 : 0);
      const value = Number(`${num[1]}e${exponent}`);
      if (!Number.isFinite(value)) return err({ message: `number out of range "${source.slice(i, end)}" at ${i}`, position: i });
      tokens.push({ kind: "number", value, percent, pos: i, text: source.slice(i, end) });
      i = end;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(text);
    if (ident) {
      tokens.push({ kind: "ident", name: ident[0], pos: i, text: source.slice(i, i + ident[0].length) });
      i += ident[0].length;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ kind: ch, pos: i, text: source[i] });
      i++;
      continue;
    }
    const op = OPERATORS.find(([spelling]) => text.startsWith(spelling, i));
    if (op) {
      tokens.push({ kind: "op", op: op[1], pos: i, text: source.slice(i, i + op[0].length) });
      i += op[0].length;
      continue;
    }
    return err({ message: `unexpected "${String.fromCodePoint(source.codePointAt(i) ?? 0)}" at ${i}`, position: i });
  }
  tokens.push({ kind: "end", pos: text.length, text: "" });
  return ok(tokens);
}
