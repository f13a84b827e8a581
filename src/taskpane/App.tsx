import * as React from "react";
import { Caption1, Divider, MessageBar, MessageBarBody, Title3, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../core/host";
import { CheckPanel } from "./CheckPanel";
import { ConsolidatePanel } from "./ConsolidatePanel";
import { htmlLang, langFromLocale, t, type Lang } from "./i18n";
import { InsertTemplate } from "./InsertTemplate";
import { ReviewPanel } from "./ReviewPanel";
import { useHostAction } from "./useHostAction";

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
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  brand: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0 },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  heading: { display: "flex", flexDirection: "column", minWidth: 0 },
  flush: { margin: 0 },
  secondary: { color: tokens.colorNeutralForeground3 },
  langs: { display: "flex", columnGap: tokens.spacingHorizontalXS },
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
  // Bumped after sheets are added (a template, district files, the summary sheets), so live checking also watches them.
  const [sheetsVersion, setSheetsVersion] = React.useState(0);
  const action = useHostAction();

  return (
    <main className={styles.root} lang={htmlLang(lang)}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <img className={styles.logo} src="assets/logo-filled.png" alt="" />
          <div className={styles.heading}>
            <Title3 as="h1" className={styles.flush}>
              {t(lang, "app.title")}
            </Title3>
            <Caption1 className={styles.secondary}>{t(lang, "app.subtitle")}</Caption1>
          </div>
        </div>
        <div role="group" aria-label={t(lang, "lang.group")} className={styles.langs}>
          {(["zh", "en"] as const).map((l) => (
            <ToggleButton key={l} size="small" appearance="subtle" lang={htmlLang(l)} checked={lang === l} onClick={() => setLang(l)}>
              {t(l, `lang.${l}`)}
            </ToggleButton>
          ))}
        </div>
      </header>
      {host ? (
        <>
          <InsertTemplate host={host} lang={lang} action={action} onInserted={() => setSheetsVersion((v) => v + 1)} />
          <Divider />
          <CheckPanel host={host} lang={lang} action={action} sheetsVersion={sheetsVersion} />
          <Divider />
          <ConsolidatePanel host={host} lang={lang} action={action} sheetsVersion={sheetsVersion} onSheetsAdded={() => setSheetsVersion((v) => v + 1)} />
          <Divider />
          <ReviewPanel host={host} lang={lang} action={action} />
        </>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, "app.noHost")}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
