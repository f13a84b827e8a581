import type { Lang } from "../findings/format";

/** The `{name}` placeholders of a message text, as a type: a missing or stray parameter does not compile. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The arguments a message takes: none, or an object with exactly its placeholders. */
export type MessageArgs<S extends string> = [Placeholders<S>] extends [never] ? [] : [Readonly<Record<Placeholders<S>, string | number>>];

/** Fill `{name}` placeholders; an unknown one stays visible rather than vanish. */
export function fill(text: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * One door's user text: the Chinese map is the reference (its keys and placeholders type everything),
 * the English map must have the same keys. Every door (pane, CLI, sheets) builds its `t` here.
 */
export function translator<M extends Readonly<Record<string, string>>>(zh: M, en: { readonly [K in keyof M]: string }) {
  const maps: Record<Lang, Readonly<Record<keyof M, string>>> = { zh, en };
  return {
    maps,
    t<K extends keyof M & string>(lang: Lang, key: K, ...args: MessageArgs<M[K]>): string {
      return fill(maps[lang][key], args[0] as Readonly<Record<string, string | number>> | undefined);
    },
    /** For a key held as data (a notice in state, a table of buttons): placeholders unchecked. */
    message(lang: Lang, key: keyof M & string, params?: Readonly<Record<string, string | number>>): string {
      return fill(maps[lang][key], params);
    },
  };
}

/** An error thrown below the user interface that the interface words in the reader's language. */
export interface Worded {
  wordsIn(lang: Lang): string;
}

export function isWorded(e: unknown): e is Worded {
  return !!e && typeof e === "object" && typeof (e as Partial<Worded>).wordsIn === "function";
}
