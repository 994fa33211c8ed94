/** Values a template may use; `redacted` is the redacted copy, never the original. */
export interface TemplateParams {
  redacted: string;
  channelName: string;
  crisisLines: { name: string; contact: string; hours?: string }[];
  resources: { title: string; url: string }[];
  askChannel: string | null;
}

/** One locale's member-facing texts, by template name. */
export type TemplateSet = Record<string, (p: TemplateParams) => string>;
