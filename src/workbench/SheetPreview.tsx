import * as React from "react";
import { Body1, Caption1, Field, Select, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/findings/format";
import type { SheetSnapshot } from "../core/grid";
import type { WorkbookHost } from "../core/host";
import { COL, MARKER_COL } from "../core/sheet/layout";
import { findMarker } from "../core/sheet/read-template";
import { SECTION_STYLES } from "../taskpane/section-styles";
import { w } from "./i18n";
import { previewWindow } from "./preview-window";

const useStyles = makeStyles({
  ...SECTION_STYLES,
  scroller: { overflow: "auto", maxHeight: "70vh", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, padding: "2px 6px", border: `1px solid ${tokens.colorNeutralStroke2}` },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "right", padding: "2px 6px", border: `1px solid ${tokens.colorNeutralStroke2}`, whiteSpace: "nowrap" },
  // Wide enough to read a label, narrow enough that a long note does not push the figures out of view.
  cell: { padding: "2px 6px", border: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: "3em", maxWidth: "16em", verticalAlign: "top", whiteSpace: "pre-wrap", overflowWrap: "break-word" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  selected: { outline: `2px solid ${tokens.colorPaletteRedBorderActive}`, outlineOffset: "-2px" },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What a section asked to show: a sheet and cells on it; `version` changes when the workbook was written. */
export interface PreviewTarget {
  readonly sheet: string;
  readonly addresses: readonly string[];
}

/** 预览: a read-only table of the sheet around the cells a section selected, those cells outlined. */
export function SheetPreview(props: { host: WorkbookHost; lang: Lang; target?: PreviewTarget; version: number; onTarget: (t: PreviewTarget) => void }): React.JSX.Element {
  const { host, lang, target, version } = props;
  const styles = useStyles();
  const headingId = React.useId();
  const [names, setNames] = React.useState<string[]>([]);
  const [sheet, setSheet] = React.useState<SheetSnapshot>();
  const [loading, setLoading] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    host.sheetNames().then((n) => live && setNames(n), () => undefined);
    return () => {
      live = false;
    };
  }, [host, version]);

  React.useEffect(() => {
    if (!target) return;
    let live = true;
    setLoading(true);
    host.read({ sheets: [target.sheet] }).then(
      (read) => {
        if (!live) return;
        setSheet(read.sheets[0]);
        setLoading(false);
      },
      () => live && setLoading(false),
    );
    return () => {
      live = false;
    };
  }, [host, target, version]);

  // A fill-in sheet's hidden columns stay hidden here too.
  const hidden = React.useMemo(() => (sheet && findMarker(sheet) ? new Set([COL.dimension, MARKER_COL]) : new Set<number>()), [sheet]);
  const view = sheet && target && sheet.name === target.sheet ? previewWindow(sheet, target.addresses, hidden) : undefined;
  const notes = view?.rows.flatMap((r) => r.cells.flatMap((c, i) => (c.selected && c.note ? [{ cell: `${view.columns[i]}${r.number}`, note: c.note }] : []))) ?? [];

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {w(lang, "preview.heading")}
      </Subtitle1>
      {names.length > 0 && (
        <Field label={w(lang, "preview.sheet")}>
          <Select value={target?.sheet ?? ""} onChange={(_e, d) => props.onTarget({ sheet: d.value, addresses: [] })}>
            {!target && <option value="" />}
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!target && <Body1 className={styles.hint}>{w(lang, "preview.empty")}</Body1>}
      {loading && !view && <Spinner size="tiny" label={w(lang, "preview.loading")} />}
      {view && (
        <div className={styles.scroller}>
          <table className={styles.table} data-sheet={target?.sheet}>
            <caption>
              <Caption1>{w(lang, "preview.caption", { sheet: target?.sheet ?? "", cell: view.anchor ?? "A1" })}</Caption1>
            </caption>
            <thead>
              <tr>
                <th className={styles.head} />
                {view.columns.map((c) => (
                  <th key={c} scope="col" className={styles.head}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.number}>
                  <th scope="row" className={styles.rowHead}>
                    {r.number}
                  </th>
                  {r.cells.map((c, i) => (
                    <td
                      key={i}
                      data-cell={`${view.columns[i]}${r.number}`}
                      aria-selected={c.selected || undefined}
                      title={c.note}
                      className={[styles.cell, c.numeric ? styles.number : "", c.selected ? styles.selected : ""].join(" ")}
                      style={c.fill ? { backgroundColor: c.fill } : undefined}
                    >
                      {c.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notes.length > 0 && (
        <ul className={styles.notes}>
          {notes.map((n) => (
            <li key={n.cell}>
              <Caption1 className={styles.wrap}>{w(lang, "preview.note", n)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
