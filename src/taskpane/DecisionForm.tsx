import * as React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { decisionProblemText, type Decision, type DecisionProblem, type DecisionStatus } from "../core/review";
import { message, t, type Lang, type MessageKey } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  full: { width: "100%", minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

const BUTTONS: readonly { status: DecisionStatus; label: MessageKey; appearance: "primary" | "secondary" }[] = [
  { status: "accepted", label: "review.accept", appearance: "primary" },
  { status: "sentBack", label: "review.sendBack", appearance: "secondary" },
  { status: "fixed", label: "review.markFixed", appearance: "secondary" },
];

export interface DecisionFormProps {
  readonly lang: Lang;
  readonly disabled: boolean;
  /** Record the decision: "done", "failed" (the section shows the error), or the core's problem (shown under the note). */
  readonly onDecide: (decision: Decision) => Promise<"done" | "failed" | DecisionProblem>;
}

/**
 * 确认无误 / 退回修改 / 已更正 on the selected finding, with a note: required to accept (why the
 * figure is right) and to send back (what to correct). The core says what is missing; the pane only
 * shows it, beside the note.
 */
export function DecisionForm(props: DecisionFormProps): React.JSX.Element {
  const { lang, disabled, onDecide } = props;
  const styles = useStyles();
  const [note, setNote] = React.useState("");
  const [problem, setProblem] = React.useState<DecisionProblem>();
  const noteRef = React.useRef<HTMLTextAreaElement>(null);

  const decide = async (status: DecisionStatus) => {
    const outcome = await onDecide({ status, note });
    if (outcome === "failed") return;
    if (outcome === "done") {
      setProblem(undefined);
      setNote("");
      return;
    }
    setProblem(outcome);
    noteRef.current?.focus();
  };

  return (
    <div className={styles.root} role="group" aria-label={t(lang, "review.decide")}>
      <Field label={t(lang, "review.note")} hint={t(lang, "review.noteHint")} validationState={problem ? "error" : "none"} validationMessage={problem ? decisionProblemText(problem, lang) : undefined}>
        <Textarea
          ref={noteRef}
          className={styles.full}
          value={note}
          resize="vertical"
          rows={2}
          onChange={(_e, d) => {
            setNote(d.value);
            if (problem && problem.code !== "reviewerRequired" && problem.code !== "unknownFinding") setProblem(undefined);
          }}
        />
      </Field>
      <div className={styles.buttons}>
        {BUTTONS.map((b) => (
          <Button key={b.status} size="small" appearance={b.appearance} disabled={disabled} data-decision={b.status} onClick={() => void decide(b.status)}>
            {message(lang, b.label)}
          </Button>
        ))}
      </div>
    </div>
  );
}
