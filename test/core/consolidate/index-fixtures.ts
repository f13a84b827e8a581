import { loadTemplateOrThrow } from "../../../src/core/template/from-data";

/**
 * The tiny edition the composite index's tests share (composite.test.ts, plan-index.test.ts):
 * dimension X has a count ↑ (X01) and a rate ↓ (X04 = X03 / X02, like 败诉率); dimension Y a count ↑
 * (Y01) and a reported-only rate ↑ (Y02). X02 and X03 are not ranked.
 */
export const tiny = loadTemplateOrThrow({
  id: "tiny",
  version: "1.0",
  title: { zh: "小模板", en: "Tiny" },
  dimensions: [
    { code: "X", name: { zh: "组织", en: "Organisation" } },
    { code: "Y", name: { zh: "服务", en: "Service" } },
  ],
  indicators: [
    { code: "X01", dimension: "X", name: { zh: "学法次数", en: "Study sessions" }, unit: "次", kind: "count", direction: "up" },
    { code: "X02", dimension: "X", name: { zh: "审结案件数", en: "Cases closed" }, unit: "件", kind: "count", direction: "none" },
    { code: "X03", dimension: "X", name: { zh: "败诉案件数", en: "Cases lost" }, unit: "件", kind: "count", direction: "none" },
    { code: "X04", dimension: "X", name: { zh: "败诉率", en: "Loss rate" }, unit: "%", kind: "rate", numerator: "X03", denominator: "X02", direction: "down" },
    { code: "Y01", dimension: "Y", name: { zh: "咨询人次", en: "Consultations" }, unit: "人次", kind: "count", direction: "up" },
    { code: "Y02", dimension: "Y", name: { zh: "满意率", en: "Satisfaction" }, unit: "%", kind: "rate", direction: "up" },
  ],
});

/** A district as the index reads it: its figures by indicator code. */
export const district = (entries: [string, number][]) => ({ figures: new Map(entries) });

/** 甲, 乙, 丙, 丁, in this order. 丙 did not report Y01. */
export const districts = [
  district([["X01", 10], ["X02", 4], ["X03", 1], ["X04", 0.25], ["Y01", 5], ["Y02", 1]]),
  district([["X01", 20], ["X02", 4], ["X03", 3], ["X04", 0.75], ["Y01", 15], ["Y02", 0.5]]),
  district([["X01", 30], ["X02", 2], ["X03", 1], ["X04", 0.5], ["Y02", 0.5]]),
  district([["X01", 20], ["X02", 8], ["X03", 2], ["X04", 0.25], ["Y01", 10], ["Y02", 0.75]]),
];
