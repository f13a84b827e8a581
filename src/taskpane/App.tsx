import * as React from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { htmlLang, langFromLocale, t, type Lang } from "./i18n";
import { LazySection } from "./LazySection";
import { Masthead } from "./Masthead";

// The sections load after the header has drawn: the pane's first script is React, Fluent UI and the header.
let sections: Promise<typeof import("./PaneSections")> | undefined;
/** Start loading the sections (index.tsx calls it at once, so they load while office.js starts). */
export const preloadSections = () => (sections ??= import(/* webpackChunkName: "sections" */ "./PaneSections"));
const PaneSections = React.lazy(() => preloadSections().then((m) => ({ default: m.PaneSections })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    overflowX: "hidden",
    overflowWrap: "anywhere",
  },
});

export interface AppProps {
  /** The workbook; undefined when the pane is opened outside Excel. */
  readonly host?: WorkbookHost;
  /** Office's display language ("zh-CN", "en-US"); Chinese when absent. */
  readonly initialLang?: string;
}

/** The task pane: header with the language switch, then 插入模板, 校验, 汇总 and 审核. */
export function App(props: AppProps): React.JSX.Element {
  const { host } = props;
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(() => langFromLocale(props.initialLang));

  return (
    <main className={styles.root} lang={htmlLang(lang)}>
      <Masthead title={t(lang, "app.title")} subtitle={t(lang, "app.subtitle")} lang={lang} onLang={setLang} />
      {host ? (
        <LazySection heading="insert.heading" lang={lang}>
          <PaneSections host={host} lang={lang} />
        </LazySection>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "app.noHost")}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
