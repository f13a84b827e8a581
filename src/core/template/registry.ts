import standard2024 from "./editions/standard-2024.json";
import { shippedTemplate, type LoadedTemplate } from "./load";
import type { Template } from "./schema";

/** The templates Huishen knows: the built-in editions, plus any an aggregator loads. */
export class TemplateRegistry {
  private readonly byKey = new Map<string, LoadedTemplate>();

  constructor(templates: readonly LoadedTemplate[] = []) {
    for (const t of templates) this.add(t);
  }

  add(t: LoadedTemplate): void {
    this.byKey.set(t.key, t);
  }

  get(id: string, version: string): LoadedTemplate | undefined {
    return this.byKey.get(`${id}@${version}`);
  }

  /** Editions of a template id, to say "unknown version" rather than "unknown template". */
  versionsOf(id: string): string[] {
    return [...this.byKey.values()].filter((t) => t.template.id === id).map((t) => t.template.version);
  }

  all(): LoadedTemplate[] {
    return [...this.byKey.values()];
  }
}

let standard: LoadedTemplate | undefined;

/** The built-in standard template (法治政府建设年度指标, 2024 edition), checked once; its tests hold it to the schema. */
export function standardTemplate(): LoadedTemplate {
  standard ??= shippedTemplate(standard2024 as Template);
  return standard;
}

export function builtinRegistry(): TemplateRegistry {
  return new TemplateRegistry([standardTemplate()]);
}
