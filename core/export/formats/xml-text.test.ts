import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { element, escapeXml, renderXml } from './xml-text.js';

describe('XML text of the UBL files', () => {
  it('& < > " \' are escaped; control characters XML cannot carry are dropped, tabs and line breaks kept', () => {
    expect(escapeXml('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXml('bell\u0007 tab\t new\nline \uFFFF😀')).toBe('bell tab\t new\nline 😀');
  });

  it('optional children left out, empty elements closed, text and attributes escaped, and it parses back', () => {
    const xml = renderXml(
      element('Root', [element('a', 'x & y', { note: '"<q>"' }), null, false, undefined, element('empty', [])], { xmlns: 'urn:test' }),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Root xmlns="urn:test">\n  <a note="&quot;&lt;q&gt;&quot;">x &amp; y</a>\n  <empty/>\n</Root>\n',
    );
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml);
    expect(parsed.Root.a).toEqual({ '#text': 'x & y', '@_note': '"<q>"' });
  });
});
