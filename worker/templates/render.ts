import { en } from './en.ts';
import { nl } from './nl.ts';
import type { TemplateParams, TemplateSet } from './types.ts';

const SETS: Record<string, TemplateSet> = { en, nl };

/** Template names every locale must provide (a test checks each set). */
export const TEMPLATE_NAMES = Object.keys(en);

/** Renders a member-facing text in the locale's language (English fallback); unknown names get the hold notice. */
export function renderTemplate(name: string, locale: string, params: TemplateParams): string {
  const set = SETS[locale.slice(0, 2).toLowerCase()] ?? en;
  const template = set[name] ?? set.hold_notice!;
  return template(params).trim();
}

/** Whether a template name is known. */
export function isKnownTemplate(name: string): boolean {
  return name in en;
}
