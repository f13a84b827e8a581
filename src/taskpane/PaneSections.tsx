import * as React from "react";
import { Divider } from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { CheckPanel } from "./CheckPanel";
import type { ConsolidatePanelProps } from "./ConsolidatePanel";
import type { Lang } from "./i18n";
import { InsertTemplate } from "./InsertTemplate";
import { LazySection } from "./LazySection";
import { useHostAction } from "./useHostAction";

// Loaded after the first paint, each with the core code only it needs (consolidation, review, the report reader).
const ReportPanel = React.lazy(() => import(/* webpackChunkName: "section-report" */ "./ReportPanel").then((m) => ({ default: m.ReportPanel })));
const ConsolidatePanel = React.lazy(() => import(/* webpackChunkName: "section-consolidate" */ "./ConsolidatePanel").then((m) => ({ default: m.ConsolidatePanel })));
const ReviewPanel = React.lazy(() => import(/* webpackChunkName: "section-review" */ "./ReviewPanel").then((m) => ({ default: m.ReviewPanel })));

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
      <LazySection heading="report.heading" lang={lang}>
        <ReportPanel host={host} lang={lang} action={action} />
      </LazySection>
      <Divider />
      <CheckPanel host={host} lang={lang} action={action} sheetsVersion={sheetsVersion} />
      <Divider />
      <LazySection heading="consolidate.heading" lang={lang}>
        <ConsolidatePanel host={host} lang={lang} action={action} sheetsVersion={sheetsVersion} onSheetsAdded={added} {...props.consolidate} />
      </LazySection>
      <Divider />
      <LazySection heading="review.heading" lang={lang}>
        <ReviewPanel host={host} lang={lang} action={action} />
      </LazySection>
    </>
  );
}
