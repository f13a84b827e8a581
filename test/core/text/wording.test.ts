import { MARKS, aside, codeThenName, nameThenCode } from "../../../src/core/text/wording";
import { standardTemplate } from "../../../src/core/template/registry";
import { renderFinding } from "../../../src/core/findings/render";
import { makeWorkbookFinding } from "../../../src/core/findings/make";

const template = standardTemplate();
const e05 = template.byCode.get("E05")!;

describe("wording shared by every door", () => {
  it("names an indicator code after in a sentence, full-width in Chinese and ASCII in English", () => {
    expect(nameThenCode(e05.name, "E05", "zh")).toBe(`${e05.name.zh}（E05）`);
    expect(nameThenCode(e05.name, "E05", "en")).toBe(`${e05.name.en} (E05)`);
  });

  it("labels an indicator code first in a list", () => {
    expect(codeThenName("E05", e05.name, "zh")).toBe(`E05 ${e05.name.zh}`);
    expect(codeThenName("E05", e05.name, "en")).toBe(`E05 ${e05.name.en}`);
  });

  it("says the bare code for an indicator the edition does not have, never 'undefined'", () => {
    expect(nameThenCode(undefined, "Z99", "zh")).toBe("Z99");
    expect(codeThenName("Z99", undefined, "en")).toBe("Z99");
  });

  it("sets words aside and joins lists as each language writes them", () => {
    expect(`已确认${aside("另 2 项", "zh")}`).toBe("已确认（另 2 项）");
    expect(`Accepted${aside("+2 more", "en")}`).toBe("Accepted (+2 more)");
    expect(["甲", "乙"].join(MARKS.zh.list)).toBe("甲、乙");
    expect(["A", "B"].join(MARKS.en.list)).toBe("A, B");
    expect(MARKS.zh.colon).toBe("：");
    expect(MARKS.en.semicolon).toBe("; ");
  });

  it("is how a finding's message names its indicator in both languages", () => {
    const f = makeWorkbookFinding({ code: "value.negative", template: template.key, district: "甲区", sheet: "甲区", codes: ["E05"], cells: [], details: {} });
    expect(renderFinding(f, template, "zh")).toContain(nameThenCode(e05.name, "E05", "zh"));
    expect(renderFinding(f, template, "en")).toContain(nameThenCode(e05.name, "E05", "en"));
  });
});
