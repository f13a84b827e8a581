import { MESSAGES, langFromLocale, t, message } from "../../src/taskpane/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("pane strings", () => {
  it("has every key in Chinese and English, none empty, with the same placeholders", () => {
    const zhKeys = Object.keys(MESSAGES.zh).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(zhKeys);
    for (const key of zhKeys as (keyof typeof MESSAGES.zh)[]) {
      expect(MESSAGES.zh[key].trim()).not.toBe("");
      expect(MESSAGES.en[key].trim()).not.toBe("");
      expect(placeholders(MESSAGES.en[key])).toEqual(placeholders(MESSAGES.zh[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("zh", "insert.done", { sheet: "荣昌区 2024" })).toBe("已插入工作表“荣昌区 2024”。");
    expect(t("en", "check.checked", { sheets: 2 })).toBe("Checked 2 fill-in sheet(s).");
    expect(message("zh", "insert.done")).toBe("已插入工作表“{sheet}”。");
    // A message's placeholders are checked at compile time: a missing or unknown one does not build.
    // @ts-expect-error insert.done needs {sheet}
    expect(t("zh", "insert.done")).toBe("已插入工作表“{sheet}”。");
    // @ts-expect-error insert.done has no {district}
    expect(t("zh", "insert.done", { district: "荣昌区" })).toBe("已插入工作表“{sheet}”。");
    expect(t("zh", "consolidate.useWorkbook", { count: 5 })).toBe("本工作簿中的填报表（5 张）");
    expect(t("en", "consolidate.inserting", { done: 1, total: 3, name: "荣昌区.xlsx" })).toBe("Inserting district file 1/3: 荣昌区.xlsx…");
    expect(t("zh", "review.refreshed", { closed: 1, reopened: 0 })).toBe("重新校验完成：1 项已关闭，0 项重新打开。");
    expect(t("en", "review.position", { index: 2, count: 6 })).toBe("2 of 6");
  });

  it("is Chinese for any Chinese display language and when Office does not say, English otherwise", () => {
    expect(langFromLocale("zh-CN")).toBe("zh");
    expect(langFromLocale("zh-TW")).toBe("zh");
    expect(langFromLocale(undefined)).toBe("zh");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("fr-FR")).toBe("en");
  });
});
