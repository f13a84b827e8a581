import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { message, t, type Lang } from "./i18n";
import { errorText, type ActionOwner, type HostAction } from "./useHostAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  wrap: { overflowWrap: "anywhere", whiteSpace: "normal" },
});

/** The spinner (and progress bar) of a running action and the error of a failed one, where it was started. */
export function ActionStatus(props: { action: HostAction; owner: ActionOwner; lang: Lang }): React.JSX.Element | null {
  const { action, owner, lang } = props;
  const styles = useStyles();
  const running = action.running?.owner === owner ? action.running : undefined;
  const error = action.error?.owner === owner ? action.error : undefined;
  if (!running && !error) return null;
  const progress = running ? action.progress : undefined;
  const label = running ? message(lang, running.label, running.params) : "";
  return (
    <div className={styles.root}>
      {running && (
        <div role="status" aria-live="polite">
          <Spinner size="tiny" labelPosition="after" label={label} />
        </div>
      )}
      {progress && (
        <ProgressBar
          value={progress.done / progress.total}
          max={1}
          aria-label={label}
          aria-valuetext={t(lang, "status.progress", progress)}
        />
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            <MessageBarTitle>{t(lang, "error.title")}</MessageBarTitle>
            {errorText(error.cause, lang) || t(lang, "error.unknown")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={action.dismissError}>
              {t(lang, "error.dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
