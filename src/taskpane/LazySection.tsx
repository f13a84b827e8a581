import * as React from "react";
import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { message, t, type Lang, type MessageKey } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

interface Props {
  readonly heading: MessageKey;
  readonly lang: Lang;
  readonly children: React.ReactNode;
}

/**
 * A section whose code loads after the pane has drawn: until it arrives, its heading and a spinner stand
 * where it will be. Should its script fail to arrive (the network dropped), the heading stays with a
 * message and a way to reload the pane, instead of the whole pane going blank.
 */
export function LazySection(props: Props): React.JSX.Element {
  const styles = useStyles();
  const heading = <Subtitle1 as="h2">{message(props.lang, props.heading)}</Subtitle1>;
  const fallback = (
    <section className={styles.root} aria-busy="true">
      {heading}
      <Body1>
        <Spinner size="tiny" labelPosition="after" label={t(props.lang, "section.loading")} />
      </Body1>
    </section>
  );
  const failed = (detail: string) => (
    <section className={styles.root}>
      {heading}
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t(props.lang, "section.failed", { detail })}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => window.location.reload()}>
            {t(props.lang, "section.reload")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </section>
  );
  return (
    <LoadFailure render={failed}>
      <React.Suspense fallback={fallback}>{props.children}</React.Suspense>
    </LoadFailure>
  );
}

/** React catches a failed lazy load only in a class component's error boundary. */
class LoadFailure extends React.Component<{ render: (detail: string) => React.ReactNode; children: React.ReactNode }, { detail?: string }> {
  override state: { detail?: string } = {};

  static getDerivedStateFromError(e: unknown): { detail: string } {
    return { detail: e instanceof Error ? e.message : String(e) };
  }

  override render(): React.ReactNode {
    return this.state.detail === undefined ? this.props.children : this.props.render(this.state.detail);
  }
}
