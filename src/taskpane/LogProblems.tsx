import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { LOG_PROBLEM_LABEL, logProblemText, type LogProblem } from "../core/review";
import { t, type Lang } from "./i18n";

/** 审核记录异常: what is wrong with the review log, shown above the summary so it is never missed. */
export function LogProblems({ problems, lang }: { problems: readonly LogProblem[]; lang: Lang }): React.ReactElement | null {
  if (problems.length === 0) return null;
  const onlyLegacy = problems.every((p) => p.kind === "legacy");
  return (
    <MessageBar intent={onlyLegacy ? "info" : "warning"} layout="multiline" role="alert" aria-label={LOG_PROBLEM_LABEL[lang]}>
      <MessageBarBody>
        <MessageBarTitle>{LOG_PROBLEM_LABEL[lang]}</MessageBarTitle>
        <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
          {problems.slice(0, 20).map((p, i) => (
            <li key={i}>{logProblemText(p, lang)}</li>
          ))}
          {problems.length > 20 && <li>{t(lang, "review.logProblemsMore", { count: problems.length - 20 })}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
