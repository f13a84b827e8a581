import * as React from "react";
import { Caption1, Title3, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { htmlLang, t, type Lang } from "./i18n";

const useStyles = makeStyles({
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  brand: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0 },
  logo: { width: "32px", height: "32px", flexShrink: 0 },
  heading: { display: "flex", flexDirection: "column", minWidth: 0 },
  flush: { margin: 0 },
  secondary: { color: tokens.colorNeutralForeground3 },
  langs: { display: "flex", columnGap: tokens.spacingHorizontalXS },
});

/** The logo, title and subtitle, and the 中文 / English switch: the top of the pane and of the workbench. */
export function Masthead(props: { title: string; subtitle: string; lang: Lang; onLang: (lang: Lang) => void }): React.JSX.Element {
  const { lang } = props;
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <img className={styles.logo} src="assets/logo-filled.png" alt="" />
        <div className={styles.heading}>
          <Title3 as="h1" className={styles.flush}>
            {props.title}
          </Title3>
          <Caption1 className={styles.secondary}>{props.subtitle}</Caption1>
        </div>
      </div>
      <div role="group" aria-label={t(lang, "lang.group")} className={styles.langs}>
        {(["zh", "en"] as const).map((l) => (
          <ToggleButton key={l} size="small" appearance="subtle" lang={htmlLang(l)} checked={lang === l} onClick={() => props.onLang(l)}>
            {t(l, `lang.${l}`)}
          </ToggleButton>
        ))}
      </div>
    </header>
  );
}
