import * as React from "react";
import { Body1, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { message, t, type Lang, type MessageKey } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/**
 * A section whose code loads after the pane has drawn (汇总, 审核, 从报告读数 carry most of the pane's
 * scripts): until it arrives, its heading and a spinner stand where it will be, so nothing moves
 * under the reader's eye except the section's own body.
 */
export function LazySection(props: { heading: MessageKey; lang: Lang; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const fallback = (
    <section className={styles.root} aria-busy="true">
      <Subtitle1 as="h2">{message(props.lang, props.heading)}</Subtitle1>
      <Body1>
        <Spinner size="tiny" labelPosition="after" label={t(props.lang, "section.loading")} />
      </Body1>
    </section>
  );
  return <React.Suspense fallback={fallback}>{props.children}</React.Suspense>;
}
