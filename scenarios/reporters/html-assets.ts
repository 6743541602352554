// The HTML report's inline style and script: the report is one file that opens from disk with no network.

/** Readable at 1280×800 and on a phone: one column below 60rem, tables scroll sideways inside their box. */
export const REPORT_CSS = `
:root { color-scheme: light; --pass: #14632a; --fail: #a4161a; --skip: #555; --line: #ccd; --focus: #1a5fb4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #fff; }
header, main { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: .2rem 0; }
h2 { font-size: 1.3rem; margin: 0 0 .4rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .3rem; }
h4 { font-size: 1rem; margin: .8rem 0 .3rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .3rem; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: end; margin: .6rem 0; }
.filters label { font-weight: 600; }
.filters > div { flex: 1 1 18rem; }
.filters input[type=search] { font: inherit; padding: .3rem .5rem; width: min(28rem, 100%); display: block; }
fieldset { border: 1px solid var(--line); padding: .2rem .6rem; margin: 0; }
fieldset label { font-weight: normal; margin-right: .8rem; }
.keys { font-size: .9rem; color: #333; }
kbd { border: 1px solid #999; border-radius: 3px; padding: 0 .25rem; font-size: .85em; background: #f6f6f8; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .3rem 0 .8rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f5; }
.picture { font-size: .86rem; }
.picture td:nth-child(2), .picture td:last-child { white-space: nowrap; }
.index tbody th { font-weight: normal; }
.status { font-weight: 700; white-space: nowrap; }
.status-passed { color: var(--pass); }
.status-failed { color: var(--fail); }
.status-skipped { color: var(--skip); }
.scenario { border: 1px solid var(--line); border-left: .5rem solid var(--pass); border-radius: 4px; padding: .8rem 1rem; margin: 1rem 0; }
.scenario[data-status=failed] { border-left-color: var(--fail); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.reason { border-left: 4px solid var(--fail); padding: .2rem .6rem; background: #fdf0f0; }
.invariants { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 0 1.5rem; }
.steps { padding-left: 1.6rem; }
.step summary { cursor: pointer; padding: .15rem .3rem; border-radius: 3px; }
.step summary:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.phase { font-variant: small-caps; color: #444; }
.duration { color: #555; font-size: .88rem; white-space: nowrap; }
.step-body { margin: .2rem 0 .8rem .3rem; padding-left: .8rem; border-left: 2px solid var(--line); }
.error { color: var(--fail); font-weight: 600; }
.before-after { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 0 1.5rem; }
.changes { margin: .2rem 0; }
.mark { font-weight: 600; white-space: nowrap; }
.row-added { background: #e3f4e8; }
.row-removed { background: #fbe4e6; }
.row-changed { background: #fff3cf; }
mark { background: #ffd84d; color: inherit; padding: 0 .15rem; }
.empty, .no-change { color: #444; font-style: italic; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  header, main { padding: 0 .5rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: .3rem; }
  .scenario { padding: .5rem; border-left-width: .3rem; }
  .steps { padding-left: 1.3rem; }
  .step-body { margin-left: 0; padding-left: .4rem; }
  .picture { font-size: .8rem; }
  .picture caption { max-width: calc(100vw - 4.5rem); }
}
@media print { .filters, .keys { display: none; } }
`;

/**
 * Filtering by text and status (rows and scenarios hide, a live line counts them), and moving between steps with
 * j/k (anywhere but a text field) or the arrow keys (on a step); `/` goes to the text filter.
 */
export const REPORT_SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  const keys = document.getElementById('keys');
  const text = document.getElementById('filter-text');
  const boxes = Array.from(document.querySelectorAll('input[name=status]'));
  const scenarios = Array.from(document.querySelectorAll('article.scenario'));
  const shown = document.getElementById('shown');
  form.hidden = false;
  keys.hidden = false;
  const apply = () => {
    const needle = text.value.trim().toLowerCase();
    const statuses = boxes.filter((box) => box.checked).map((box) => box.value);
    let count = 0;
    for (const scenario of scenarios) {
      const visible = statuses.includes(scenario.dataset.status) && scenario.dataset.text.includes(needle);
      scenario.hidden = !visible;
      document.getElementById('row-' + scenario.id).hidden = !visible;
      if (visible) count += 1;
    }
    shown.textContent = 'Showing ' + count + ' of ' + scenarios.length + ' scenarios.';
  };
  text.addEventListener('input', apply);
  for (const box of boxes) box.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (event.key === '/') {
      event.preventDefault();
      text.focus();
      return;
    }
    const steps = Array.from(document.querySelectorAll('article.scenario:not([hidden]) li.step > details > summary'));
    const at = steps.indexOf(document.activeElement);
    const arrow = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    if (arrow && at === -1) return;
    const delta = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
    if (!delta || !steps.length) return;
    event.preventDefault();
    const next = at === -1 ? (delta > 0 ? 0 : steps.length - 1) : Math.min(steps.length - 1, Math.max(0, at + delta));
    steps[next].focus();
    steps[next].scrollIntoView({ block: 'nearest' });
  });
  apply();
})();
`;
