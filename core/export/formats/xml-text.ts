// Just enough XML writing for the UBL files: elements with attributes and text, escaped, indented.

/** An XML element: text content or child elements. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  content: string | XmlElement[];
}

/** A child as callers write it: `null`, `undefined` and `false` leave an optional element out. */
export type XmlChild = XmlElement | null | undefined | false;

/** An element with text (`element('cbc:ID', '2026/1')`) or children (`element('cac:Party', [...])`). */
export function element(name: string, content: string | XmlChild[], attributes: Record<string, string> = {}): XmlElement {
  const children = typeof content === 'string' ? content : content.filter((child): child is XmlElement => Boolean(child));
  return { name, attributes, content: children };
}

/** Characters XML 1.0 cannot carry at all, not even escaped (control characters, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text made safe for XML content and attribute values: `& < > " '` escaped, characters XML cannot carry
 * replaced by `replacement` (dropped by default).
 */
export function escapeXml(text: string, replacement = ''): string {
  return text
    .replace(NOT_XML, replacement)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A UTF-8 XML document with `root` as its root element, indented by two spaces. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

function render({ name, attributes, content }: XmlElement, indent: string): string {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (typeof content === 'string') return `${indent}<${name}${attributeText}>${escapeXml(content)}</${name}>`;
  if (content.length === 0) return `${indent}<${name}${attributeText}/>`;
  const children = content.map((child) => render(child, `${indent}  `)).join('\n');
  return `${indent}<${name}${attributeText}>\n${children}\n${indent}</${name}>`;
}
