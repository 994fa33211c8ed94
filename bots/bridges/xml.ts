import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BridgeParseError } from './contract.ts';
import { htmlToText } from './html-text.ts';

const REPEATED = new Set(['item', 'entry', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Repeated elements always come back as arrays, so one item and many read alike.
  isArray: (name) => REPEATED.has(name),
});

/** A parsed XML node: text, or an object of children and `@_` attributes. */
export type XmlNode = string | { [key: string]: unknown };

/** Parses an XML document after validating it; a malformed document is a `BridgeParseError`. */
export function parseXml(body: string): Record<string, unknown> {
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new BridgeParseError(`xml_${valid.err.code}`);
  return parser.parse(body) as Record<string, unknown>;
}

/** The text content of a node (its `#text`, or the string itself); '' when absent. */
export function textOf(node: unknown): string {
  if (node == null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'object' && '#text' in node) return textOf((node as Record<string, unknown>)['#text']);
  return '';
}

/** An attribute of a node, if present. */
export function attrOf(node: unknown, name: string): string | null {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const v = (node as Record<string, unknown>)[`@_${name}`];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

/** A node's children as an array (absent: empty). */
export function listOf(node: unknown): unknown[] {
  if (node == null) return [];
  return Array.isArray(node) ? node : [node];
}

/** Plain text of a node whose content may be HTML (RSS descriptions, Atom `type="html"`). */
export function plainOf(node: unknown): string {
  return htmlToText(textOf(node));
}

/** A date from RFC 822 / RFC 3339 text, or null when it does not parse. */
export function dateOf(text: string): Date | null {
  if (!text) return null;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t);
}
