import { describe, expect, it } from 'vitest';
import { failedResult, fakeRun, passedResult, recordedResult } from '../../test/support/scenario-results.js';
import { renderHtml } from './html.js';

// The page as text; test/html-report-browser.test.ts opens it in Chromium.

/** The rows (`<tr>…</tr>`) of the step `n` (1-based) of a scenario: those of both systems before it and after it. */
function stepRows(html: string, id: string, n: number): { before: string[]; after: string[] } {
  const start = html.indexOf(`<li class="step" id="scenario-${id}-step-${n}">`);
  const [before = '', after = ''] = html.slice(start, html.indexOf('</li>', html.indexOf('</details>', start))).split('<h4>After</h4>');
  const rows = (part: string) => part.match(/<tr[ >].*?<\/tr>/g) ?? [];
  return { before: rows(before), after: rows(after) };
}

const withoutDurations = (html: string) => html.replace(/<span class="duration">[^<]*<\/span>/g, '<span class="duration"></span>');

describe('the html reporter', () => {
  it('is one document with inline style and script only, forbidding anything else', () => {
    const html = renderHtml(fakeRun([recordedResult(), failedResult()]));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\b(src|href)="(?!#)|url\(|@import/);
  });

  it('escapes every text of the results', () => {
    const html = renderHtml(
      fakeRun([failedResult('evil', { title: '<script>alert("x")</script>', reason: 'a & b <img src=x onerror=alert(1)>' })]),
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('gives every status a glyph and a word, and opens the failing step', () => {
    const html = renderHtml(fakeRun([passedResult(), failedResult()]));
    expect(html).toContain('<span class="status status-passed">✓ passed</span> <code>same-booking-number</code>');
    expect(html).toContain('<span class="status status-failed">✗ failed</span> <code>invoice-shown-twice</code>');
    expect(html).toContain(
      '<details open><summary><span class="status status-failed">✗ failed</span> <span class="phase">repair</span> <span class="step-title">Delete the second booking</span>',
    );
    expect(html).toContain('<span class="status status-skipped">○ did not run</span> <span class="phase">verify</span>');
    expect(html).toContain(
      '<p class="reason"><strong>Why it failed:</strong> Step &quot;Delete the second booking&quot; failed: In use: Entry number</p>',
    );
    expect(html).toContain('<li><strong>I1</strong> Invoice 2026/7 stands 2 times in journal 70: &lt;1007&gt; and &lt;1009&gt;.</li>');
  });

  it('shows a removed booking before the step only, marked with a glyph and a word', () => {
    const { before, after } = stepRows(renderHtml(fakeRun([recordedResult()])), 'recorded-repair', 1);
    expect(after.filter((r) => r.includes('<th scope="row">1003'))).toEqual([]);
    expect(after).toContain('<tr><td colspan="5">No entries.</td></tr>');
    expect(before.filter((r) => r.includes('<th scope="row">1003'))).toEqual([
      '<tr class="row-removed"><th scope="row">1003</th><td>2026-02-10</td><td>2026/3</td><td>€1,210.00</td><td><span class="mark mark-removed">− removed</span></td></tr>',
    ]);
  });

  it('marks the changed booking number, the added entry and the new next booking number after a step, and lists the changes', () => {
    const html = renderHtml(fakeRun([recordedResult()]));
    const { before, after } = stepRows(html, 'recorded-repair', 2);
    expect(before.filter((r) => r.includes('Invoice 2026/3'))).toEqual([
      '<tr class="row-changed"><th scope="row">Invoice 2026/3</th><td>2026-02-10</td><td>Atelier &lt;Lumière&gt;</td><td>€1,210.00</td><td><mark>1003</mark></td><td><span class="mark mark-changed">✎ changed</span></td></tr>',
    ]);
    expect(after.filter((r) => r.includes('Invoice 2026/3'))).toEqual([
      '<tr class="row-changed"><th scope="row">Invoice 2026/3</th><td>2026-02-10</td><td>Atelier &lt;Lumière&gt;</td><td>€1,210.00</td><td><mark>1004</mark></td><td><span class="mark mark-changed">✎ changed</span></td></tr>',
    ]);
    expect(before.filter((r) => r.includes('>1004</th>'))).toEqual([]);
    expect(after.filter((r) => r.includes('>1004</th>'))).toEqual([
      '<tr class="row-added"><th scope="row">1004</th><td>2026-02-10</td><td>2026/3</td><td>€1,210.00</td><td><span class="mark mark-added">+ added</span></td></tr>',
    ]);
    expect(html).toContain('<caption>Exact journal 70, next booking number <mark>1005</mark> (was 1004; ✎ changed)</caption>');
    expect(html).toContain('<li><span class="mark mark-changed">✎ changed</span> Focus Invoice 2026/3: booking number 1003 → 1004</li>');
    expect(html).toContain('<li><span class="mark mark-added">+ added</span> Exact booking 1004 (70)</li>');
    expect(html).toContain(
      '<li><span class="mark mark-added">✉ bell</span> Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced</li>',
    );
  });

  it('says when a step changed nothing the report shows, and still shows both systems', () => {
    const html = renderHtml(fakeRun([recordedResult()]));
    const start = html.indexOf('id="scenario-recorded-repair-step-3"');
    const step = html.slice(start, html.indexOf('</li>', start));
    expect(step).toContain(
      '<p class="no-change">○ Nothing this report shows changed (documents, bookings, journals, customers, the bell, the integration).</p><details class="world"><summary>Both systems at this step</summary>',
    );
  });

  it('keeps durations in span.duration only, so two runs compare apart from them', () => {
    const slow = renderHtml(fakeRun([recordedResult({ durationMs: 999 })], { durationMs: 99_999 }));
    const fast = renderHtml(
      fakeRun([recordedResult({ durationMs: 1, steps: recordedResult().steps.map((s) => ({ ...s, durationMs: 0.1 })) })], {
        durationMs: 10,
      }),
    );
    expect(slow).not.toBe(fast);
    expect(withoutDurations(slow)).toBe(withoutDurations(fast));
  });

  it('writes an empty run (an empty shard) as a page that says so', () => {
    expect(renderHtml(fakeRun([]))).toContain('<p class="empty">No scenario ran (an empty shard).</p>');
  });
});
