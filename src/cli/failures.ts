import type { Lang } from "../core/findings/format";
import type { SheetReadFailure } from "../core/sheet/read-template";
import { t } from "./text";

/** Why a workbook cannot be checked, in words a statistician understands. */
export function describeFailure(f: SheetReadFailure, lang: Lang): string {
  switch (f.reason) {
    case "noMarker":
      return t(lang, "failure.noMarker", { sheet: f.sheet });
    case "unknownTemplate": {
      const known = f.knownVersions.length ? f.knownVersions.join(t(lang, "list.sep")) : t(lang, "none");
      return t(lang, "failure.unknownTemplate", { sheet: f.sheet, id: f.id, version: f.version, known });
    }
    case "noHeader":
      return t(lang, "failure.noHeader", { sheet: f.sheet });
  }
}
