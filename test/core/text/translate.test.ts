import { fill, translator } from "../../../src/core/text/translate";

describe("fill", () => {
  it("puts each parameter where its placeholder is, numbers as text, a placeholder used twice both times", () => {
    expect(fill("{part}大于{total}：{part} = {n} 人", { part: "A04", total: "A03", n: 4955 })).toBe("A04大于A03：A04 = 4955 人");
    expect(fill("{a}{b}", { a: "甲", b: "乙" })).toBe("甲乙");
  });

  it("leaves an unknown placeholder visible rather than drop it, and text without placeholders as it is", () => {
    expect(fill("{cell}：维度 {dimension} 的权重", { cell: "指数权重!C6" })).toBe("指数权重!C6：维度 {dimension} 的权重");
    expect(fill("没有占位符。", { cell: "C6" })).toBe("没有占位符。");
    expect(fill("{cell}", undefined)).toBe("{cell}");
  });

  it("writes what a person typed literally, replacement patterns and braces included", () => {
    expect(fill("说明：{note}", { note: "$& $1 $$ {x}" })).toBe("说明：$& $1 $$ {x}");
  });

  it("gives the same words for the same text every time (the split is kept)", () => {
    const text = "第 {rank} 名（{best}–{worst}）";
    expect([1, 2].map((rank) => fill(text, { rank, best: 1, worst: 5 }))).toEqual(["第 1 名（1–5）", "第 2 名（1–5）"]);
  });
});

describe("translator", () => {
  const { t } = translator({ more: "另有 {count} 项" } as const, { more: "and {count} more" });
  it("fills the reader's language", () => {
    expect([t("zh", "more", { count: 3 }), t("en", "more", { count: 3 })]).toEqual(["另有 3 项", "and 3 more"]);
  });
});
