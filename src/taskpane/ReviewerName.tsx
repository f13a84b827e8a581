import * as React from "react";
import { Body1, Button, Caption1, Field, Input, Link, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "./i18n";

/**
 * Who decides. Excel add-ins cannot read the signed-in Office user's name: `Office.context.userProfile`
 * (displayName, emailAddress) exists in Outlook only (`Office.context.mailbox.userProfile`), and the
 * documented way in Excel is single sign-on — `Office.auth.getAccessToken`, whose ID-token claims
 * carry `name` — which needs a `<WebApplicationInfo>` in the manifest and a Microsoft Entra app
 * registration (or MSAL with nested app authentication). Huishen's manifest has neither, and it
 * must work offline on government networks; OfficeDev/office-js#4621 asked for the user's identity
 * without SSO or Graph and got no other way. So the name is typed once and kept in this computer's
 * localStorage under `huishen.reviewer`.
 */
export const REVIEWER_KEY = "huishen.reviewer";

function stored(): string {
  try {
    return window.localStorage.getItem(REVIEWER_KEY) ?? "";
  } catch {
    return ""; // storage blocked: ask every session
  }
}

/** The reviewer's name, kept in localStorage. */
export function useReviewerName(): [string, (name: string) => void] {
  const [name, setName] = React.useState(stored);
  const save = React.useCallback((next: string) => {
    const clean = next.trim();
    setName(clean);
    try {
      if (clean) window.localStorage.setItem(REVIEWER_KEY, clean);
      else window.localStorage.removeItem(REVIEWER_KEY);
    } catch {
      // Kept for this session only.
    }
  }, []);
  return [name, save];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  form: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  field: { flexGrow: 1, minWidth: 0 },
  shown: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
});

/** The reviewer's name: a small field until one is saved, then the name with a change link. */
export function ReviewerName(props: { lang: Lang; name: string; onChange: (name: string) => void }): React.JSX.Element {
  const { lang, name, onChange } = props;
  const styles = useStyles();
  const [editing, setEditing] = React.useState(name === "");
  const [draft, setDraft] = React.useState(name);
  const localRef = React.useRef<HTMLInputElement>(null);
  const hintId = React.useId();

  React.useEffect(() => {
    if (name === "") setEditing(true);
  }, [name]);

  if (!editing) {
    return (
      <div className={styles.shown}>
        <Body1 data-reviewer={name}>{t(lang, "review.reviewerAs", { name })}</Body1>
        <Link
          as="button"
          onClick={() => {
            setDraft(name);
            setEditing(true);
            // Focus the field once it is there.
            setTimeout(() => localRef.current?.focus(), 0);
          }}
        >
          {t(lang, "review.reviewerChange")}
        </Link>
      </div>
    );
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    onChange(draft);
    setEditing(false);
  };
  return (
    <form className={styles.root} onSubmit={save}>
      <div className={styles.form}>
        <Field className={styles.field} label={t(lang, "review.reviewer")}>
          <Input ref={localRef} value={draft} autoComplete="name" aria-describedby={hintId} onChange={(_e, d) => setDraft(d.value)} />
        </Field>
        <Button type="submit" disabled={!draft.trim()}>
          {t(lang, "review.reviewerSave")}
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {t(lang, "review.reviewerHint")}
      </Caption1>
    </form>
  );
}
