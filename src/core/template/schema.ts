// zod's mini build: the same schemas as functions, a fraction of the task pane's scripts (the full build is ~24 KiB gzipped).
import { z } from "zod/mini";

/**
 * The shape of an indicator template. A template is data: an aggregator may load another
 * edition or another indicator system, and the engine works for any template of this shape.
 * Cross-references (numerators, relation expressions) are checked in `load.ts`.
 */

const NonEmpty = z.string().check(z.minLength(1, "must not be empty"));
const Text = z.object({ zh: NonEmpty, en: NonEmpty });

export const IndicatorKind = z.enum(["count", "amount", "rate"]);
/** ↑ higher is better, ↓ lower is better, · not ranked. */
export const Direction = z.enum(["up", "down", "none"]);
export const Severity = z.enum(["error", "warning", "info"]);

const Code = z.string().check(z.regex(/^[A-Z][A-Z0-9_]*[0-9]$/, "an indicator code is a capital letter, then letters, digits or _, ending in a digit (e.g. E03)"));

/** A list that must hold something. */
const listOf = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.minLength(1, "must list at least one"));

export const DimensionSchema = z.object({
  code: z.string().check(z.regex(/^[A-Z]$/, "a dimension code is one capital letter")),
  name: Text,
});

export const IndicatorSchema = z.object({
  code: Code,
  dimension: z.string(),
  name: Text,
  /** Unit shown beside the value (件, 人, 万元, %); never typed by staff. */
  unit: NonEmpty,
  kind: IndicatorKind,
  /** Rates only: the counts whose ratio the rate is. Both or neither. */
  numerator: z.optional(Code),
  denominator: z.optional(Code),
  direction: Direction,
});

export const RelationSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_.:-]+$/, "a relation id has letters, digits and . _ : - only")),
  /** An expression in the rule language over indicator codes, e.g. `A04 <= A03`. */
  expr: NonEmpty,
  severity: Severity,
  /** What the relation says, so messages can be specific. */
  kind: z._default(z.enum(["part-of-total", "parts-sum", "custom"]), "custom"),
  /** How missing values are treated: `na` (when not given) skips the rule, `zero` counts them as 0. */
  missing: z.optional(z.enum(["na", "zero"])),
  /** How far apart the two sides may be (0 when not given). */
  tolerance: z.optional(z.number().check(z.nonnegative("must be 0 or more"))),
  /** Optional wording; without it a message is rendered from the expression. */
  message: z.optional(Text),
});

export const YoyThresholdsSchema = z.object({
  /** Counts and amounts: flag when this year ≥ ratio × last year, or ≤ last year / ratio. */
  countRatio: z._default(z.number().check(z.gt(1, "must be above 1")), 2),
  /** Rates: flag when the change is at least this many percentage points (as a fraction: 0.2 = 20 pp). */
  ratePoints: z._default(z.number().check(z.gt(0, "must be above 0"), z.lte(1, "must be 1 or less")), 0.2),
});

/** One line of the 报表's identification block: 表号, 制定机关, 批准文号, 有效期至 — whichever the form has. */
const FormItemSchema = z.object({ label: Text, value: NonEmpty });

/** A signature or contact at the form's foot, filled by the district (a date is validated as one). */
const FooterItemSchema = z.object({ label: Text, input: z.optional(z.enum(["text", "date"])) });

/**
 * The fill-in sheet as a statistical form (统计报表): what its header block names and what its
 * footer asks for. Data, so another edition names its own 表号 and 制定机关.
 */
export const FormSchema = z.object({
  identification: z._default(z.array(FormItemSchema), []),
  /** 计量单位: what the form says of its units. */
  unit: z._default(z.object({ label: Text, value: Text }), {
    label: { zh: "计量单位", en: "Units" },
    value: { zh: "见各指标“单位”栏", en: "see each indicator's unit" },
  }),
  footer: z._default(z.array(FooterItemSchema), [
    { label: { zh: "单位负责人", en: "Head of unit" }, input: "text" },
    { label: { zh: "统计负责人", en: "Head of statistics" }, input: "text" },
    { label: { zh: "填表人", en: "Prepared by" }, input: "text" },
    { label: { zh: "联系电话", en: "Telephone" }, input: "text" },
    { label: { zh: "报出日期", en: "Date submitted" }, input: "date" },
  ]),
});

/**
 * How reports write an indicator, for reading its figure out of a report's text: the phrases that
 * name it (before the figure — 受理行政复议申请337件 — or after — 75所中小学), words one of which the
 * sentence must hold (审结 is a 复议 figure only where 复议 is said), and words that rule the clause
 * out (行政诉讼 for 行政复议's figures). Data, so another province's wording is a data change.
 */
export const ReadingSchema = z.object({
  phrases: listOf(NonEmpty),
  context: z.optional(z.array(NonEmpty)),
  exclude: z.optional(z.array(NonEmpty)),
});

export const TemplateSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, "a template id is lower-case letters, digits and -")),
  version: z.string().check(z.regex(/^\d+(\.\d+)*$/, "a version is numbers separated by dots, e.g. 1.0")),
  title: Text,
  dimensions: listOf(DimensionSchema),
  indicators: listOf(IndicatorSchema),
  relations: z._default(z.array(RelationSchema), []),
  yoy: z._default(YoyThresholdsSchema, { countRatio: 2, ratePoints: 0.2 }),
  form: z.prefault(FormSchema, {}),
  /** By indicator code; an indicator without an entry is never read from text. */
  reading: z._default(z.record(z.string(), ReadingSchema), {}),
});

export type TemplateInput = z.input<typeof TemplateSchema>;
export type Template = z.output<typeof TemplateSchema>;
export type Indicator = z.output<typeof IndicatorSchema>;
export type Dimension = z.output<typeof DimensionSchema>;
export type Relation = z.output<typeof RelationSchema>;
export type IndicatorKind = z.output<typeof IndicatorKind>;
export type Direction = z.output<typeof Direction>;
export type Severity = z.output<typeof Severity>;
export type LocalText = z.output<typeof Text>;
export type Form = z.output<typeof FormSchema>;
export type Reading = z.output<typeof ReadingSchema>;
