import { fillDownBy, filledDown } from "../../../src/core/plan/fill-down";

describe("a formula filled down, as Excel's fill handle does it", () => {
  it("moves relative rows and keeps absolute ones", () => {
    expect(filledDown(`IF('汇总表'!E5="","",_xlfn.RANK.EQ('汇总表'!E5,'汇总表'!$E$5:$E$42,0))`, 3)).toBe(`IF('汇总表'!E8="","",_xlfn.RANK.EQ('汇总表'!E8,'汇总表'!$E$5:$E$42,0))`);
    expect(filledDown("SUMPRODUCT(E6:H6,$E$4:$H$4)+$B6+C$2", 2)).toBe("SUMPRODUCT(E8:H8,$E$4:$H$4)+$B8+C$2");
  });

  it("leaves text in quotes, sheet names and function names alone", () => {
    expect(filledDown(`IF(A1="A1",'区县0001'!B2,Sheet1!C3)`, 1)).toBe(`IF(A2="A1",'区县0001'!B3,Sheet1!C4)`);
    expect(filledDown(`'It''s B2'!B2&"say ""C3"""`, 1)).toBe(`'It''s B2'!B3&"say ""C3"""`);
    expect(filledDown("LOG10(A1)+ATAN2(B1,C1)+XFD1", 4)).toBe("LOG10(A5)+ATAN2(B5,C5)+XFD5");
  });

  it("is the formula itself on the first row", () => {
    expect(filledDown("A1+B2", 0)).toBe("A1+B2");
  });

  it("splits a formula once and fills it to offsets in any order", () => {
    const fill = fillDownBy(`IF('指数权重'!$C$4="",'汇总表'!E5,E5/$B5)`);
    expect([7, 0, 2].map(fill)).toEqual([`IF('指数权重'!$C$4="",'汇总表'!E12,E12/$B12)`, `IF('指数权重'!$C$4="",'汇总表'!E5,E5/$B5)`, `IF('指数权重'!$C$4="",'汇总表'!E7,E7/$B7)`]);
    expect(fillDownBy(`SUM($A$1:$A$9)&"B2"`)(5)).toBe(`SUM($A$1:$A$9)&"B2"`);
  });
});
