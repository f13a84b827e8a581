import * as React from "react";
import { Divider } from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { CheckPanel } from "./CheckPanel";
import { ConsolidatePanel, type ConsolidatePanelProps } from "./ConsolidatePanel";
import type { Lang } from "./i18n";
import { InsertTemplate } from "./InsertTemplate";
import { ReportPanel } from "./ReportPanel";
import { ReviewPanel } from "./ReviewPanel";
import { useHostAction } from "./useHostAction";

/** What a door adds to the 汇总 section (the workbench: files already open, the HTML report). */
export type ConsolidateExtras = Pick<ConsolidatePanelProps, "initialFiles" | "onConsolidated">;

/**
 * 插入模板, 从报告读数, 校验, 汇总 and 审核 on one workbook host: the whole pane below its header, in Excel and
 * in the workbench alike.
 */
export function PaneSections(props: { host: WorkbookHost; lang: Lang; consolidate?: ConsolidateExtras }): React.JSX.Element {
  const { host, lang } = props;
  // Bumped after sheets are added (a template, district files, the summary sheets), so live checking also watches them.
  const [sheetsVersion, setSheetsVersion] = React.useState(0);
  const added = React.useCallback(() => setSheetsVersion((v) => v + 1), []);
  const action = useHostAction();
  return (
    <>
      <InsertTemplate host={host} lang={lang} action={action} onInserted={added} />
      <Divider />
      <ReportPanel host={host} lang={lang} action={action} />
      <Divider />
      <CheckPanel host={host} lang={lang} action={action} sheetsVersion={sheetsVersion} />
      <Divider />
      <ConsolidatePanel host={host} lang={lang} action={action} sheetsVersion={sheetsVersion} onSheetsAdded={added} {...props.consolidate} />
      <Divider />
      <ReviewPanel host={host} lang={lang} action={action} />
    </>
  );
}
