import { kindWord, type Finding, type PlanStep } from '../../core/index.js';
import { EXIT_CODES, type Examination, type ProvenPlan } from './examine.js';

// The doctor's words for a person: a numbered checklist to read aloud on a support call, or markdown for a ticket.

/** Text output: `checklist` (plain, readable aloud) or `markdown` (to paste into a ticket). */
export type TextFormat = 'checklist' | 'markdown';

const VERDICTS: Record<Examination['verdict'], string> = {
  healthy: 'Nothing found: every invariant holds and nothing needs repairing.',
  proven: 'Findings with a proven plan: play the plan above, step by step.',
  unproven: 'Findings without a proven plan: do not play a plan as if it were fine; escalate.',
};

/** The examination in words, one line per array element. */
export function doctorText(examination: Examination, format: TextFormat): string[] {
  const md = format === 'markdown';
  const heading = (text: string) => (md ? `## ${text}` : text.toUpperCase());
  const lines: string[] = [];
  lines.push(md ? `# booklab doctor: ${examination.case.title}` : `booklab doctor: ${examination.case.title}`);
  lines.push(`Read on ${new Date(examination.case.snapshot.clock).toISOString().slice(0, 10)}; the case itself is never changed.`, '');
  lines.push(
    heading(
      `What is wrong: ${examination.findings.length === 0 ? 'nothing' : `${examination.findings.length} finding${examination.findings.length === 1 ? '' : 's'}`}`,
    ),
  );
  examination.findings.forEach((f, i) => lines.push(...findingLines(f, i, md)));
  if (examination.article) lines.push('', ...planLines(examination.article, md, heading, null));
  if (examination.completed) lines.push('', ...planLines(examination.completed, md, heading, examination.article));
  lines.push('', `${md ? '**' : ''}Exit ${EXIT_CODES[examination.verdict]}: ${VERDICTS[examination.verdict]}${md ? '**' : ''}`);
  return lines;
}

function findingLines(f: Finding, i: number, md: boolean): string[] {
  const letter = String.fromCharCode(65 + (i % 26));
  const cites = `${f.article ? `article ${f.article}` : 'no article'}; ${f.rules.join(', ')}`;
  const pad = md ? '  ' : '     ';
  const lines = [md ? `- **${letter}. ${f.code}** (${cites})` : `  ${letter}. ${f.code} (${cites})`, `${pad}${f.summary}`];
  if (f.documents.length)
    lines.push(
      `${pad}Documents: ${f.documents.map((d) => `${kindWord(d.kind)} ${d.number} (${d.date}, ${d.bookingNumber ?? 'no booking number'})`).join('; ')}`,
    );
  if (f.bookings.length)
    lines.push(
      `${pad}Bookings in Exact: ${f.bookings.map((b) => `${b.entryNumber} in journal ${b.journal} (${b.yourRef ?? 'no reference'}, ${b.date})`).join('; ')}`,
    );
  return lines;
}

function planLines(proven: ProvenPlan, md: boolean, heading: (t: string) => string, article: ProvenPlan | null): string[] {
  const { plan, proof } = proven;
  const lines: string[] = [];
  const extra = (s: PlanStep) => article !== null && s.action.do === 'move-delink-date-back';
  lines.push(heading(plan.kind === 'completed' ? "booklab's completed plan: the article's plan and the one step it implies" : 'The plan'));
  if (plan.kind === 'completed')
    lines.push(
      `${md ? '' : '  '}Do not play the article's plan as it is: play this one, which adds the step marked [booklab's extra step].`,
    );
  let n = 0;
  for (const p of plan.procedures) {
    lines.push(md ? `### ${p.title}` : `  ${p.title}${p.article ? '' : ' (booklab)'}`);
    for (const s of p.steps) {
      n += 1;
      const mark = extra(s) ? " [booklab's extra step]" : '';
      lines.push(md ? `${n}. **${s.title}**${mark}  \n   ${s.text}` : `  ${String(n).padStart(3)}. ${s.title}${mark}`);
      if (!md) lines.push(`       ${s.text}`);
    }
  }
  lines.push(
    '',
    md
      ? '**The proof.** Played on a copy of the case, step by step, then I1–I8 checked:'
      : 'PROOF: played on a copy of the case, step by step, then I1-I8 checked:',
  );
  if (proof.failure) lines.push(`${md ? '- ' : '  '}This plan cannot be proven: ${proof.failure}`);
  if (proof.holds && plan.unrepaired.length === 0) lines.push(`${md ? '- ' : '  '}After this plan every invariant holds.`);
  else if (proof.holds)
    lines.push(
      `${md ? '- ' : '  '}Every invariant holds after it, but it does not repair ${plan.unrepaired.join(', ')}: this plan is not proven for them.`,
    );
  else {
    if (!proof.failure) lines.push(`${md ? '- ' : '  '}${plan.kind === 'completed' ? 'This plan' : "The article's plan"} leaves:`);
    for (const v of proof.violations) lines.push(`${md ? '  - ' : '    '}${v.invariant} ${v.message}`);
  }
  return lines;
}
