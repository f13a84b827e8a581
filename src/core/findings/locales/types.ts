import type { Indicator, LocalText } from "../../template/schema";
import type { Finding, FindingCode } from "../finding";

/** What a message needs besides the finding: names and formatting in the reader's language. */
export interface MessageContext {
  /** `行政复议审结率（E03）` / `Reconsideration conclusion rate (E03)` */
  name(code: string): string;
  /** A figure of that indicator, in its unit. */
  figure(code: string, v: number): string;
  /** A relation's values, each as `name = figure`, in the order the rule names them, joined by `separator`. */
  namedValues(values: Readonly<Record<string, number>>, separator: string): string;
  indicator(code: string): Indicator | undefined;
  /** The template's own wording of a relation, where it has one. */
  relationMessage(ruleId: string): LocalText | undefined;
}

export type MessageMap = { [C in FindingCode]: (f: Finding<C>, ctx: MessageContext) => string };
