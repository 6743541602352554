import { compileChild, runChild } from '../sync/compiled-child.js';
import { formatCount, formatMs } from '../format.js';
import type { Section } from '../section.js';
import type { DoctorMeasurement } from './doctor-process.js';

const INVOICES = 10_000;
const AIM_MS = 2_000;

/** `booklab doctor` on 10,000 invoices with a same-booking-number collision in the middle (issue 11). */
export const doctorSection: Section = {
  name: 'doctor',
  description: 'booklab doctor on 10,000 invoices with a same-booking-number collision in the middle',
  async run(ctx) {
    ctx.progress(
      `compiling; booking and syncing ${formatCount(INVOICES)} invoices with a collision at 2026/${INVOICES / 2 + 1}, then examining`,
    );
    const script = await compileChild('bench/doctor/doctor-process.ts');
    const m = JSON.parse(await runChild(script, [])) as DoctorMeasurement;
    const answerMs = m.diagnoseMs + m.planMs;
    const totalMs = m.totalMs;
    return {
      tables: [
        {
          title: `booklab doctor on ${formatCount(INVOICES)} synced invoices, invoices 2026/5000 and 2026/5001 sharing a booking number`,
          columns: ['figure', 'value'],
          rows: [
            ['read the case into a world of its own and read both sides', formatMs(m.readMs)],
            ['diagnose (I1-I8 and the findings)', formatMs(m.diagnoseMs)],
            ["plan (the article's procedure, every value filled in)", formatMs(m.planMs)],
            ['prove: play the plan on a copy, check I1-I8', formatMs(m.proveMs)],
            ['the whole doctor, wall', formatMs(totalMs)],
            ['the whole doctor, CPU (its process)', formatMs(m.cpuMs)],
            ['findings', m.findings.join(', ')],
            [
              'delink date; bookings deleted in Exact; written down',
              `${m.delinkDate}; ${formatCount(m.bookingsDeleted)}; ${m.writtenDown.join(', ')}`,
            ],
            ['verdict', `${m.verdict} (the plan ${m.holds ? 'holds' : 'does not hold'})`],
          ],
        },
      ],
      aims: [
        {
          text: `diagnose and plan ${formatCount(INVOICES)} invoices in under ${AIM_MS / 1000} s`,
          met: answerMs < AIM_MS,
          figure: formatMs(answerMs),
        },
        { text: `the whole doctor, proof included, in under ${AIM_MS / 1000} s`, met: totalMs < AIM_MS, figure: formatMs(totalMs) },
      ],
      headlines: [
        {
          figure: `booklab doctor, ${formatCount(INVOICES)} invoices: diagnose and plan`,
          value: formatMs(answerMs),
          aim: `under ${AIM_MS / 1000} s`,
          met: answerMs < AIM_MS,
        },
        {
          figure: `booklab doctor, ${formatCount(INVOICES)} invoices: whole, proof included`,
          value: formatMs(totalMs),
          aim: `under ${AIM_MS / 1000} s`,
          met: totalMs < AIM_MS,
        },
      ],
      notes: [
        "the collision is in the middle, so the proof deletes half the bookings (5,099) in Exact, in one back-office request that deletes them one after the other as one DELETE each would, and books those invoices again by a sync: one post each through the mock's API in-process, overlapped (docs/sync-overlap.md); the sync is where the time goes",
        "the doctor runs in a process of its own from compiled code, with the booklab command's heap policy, as `booklab doctor` runs its build; the source world is built there first and closed before the doctor starts, as the command holds only the case it read",
        "reading starts a world of its own from a copy of the case (a case from a file or a live world was checked against the schema as it was read, so it is not checked again; any other case is restored and checked) and reads the accounting side through the back office, as the command does; the article's proof plays in that same world, and the world after it is snapshotted only for --save-case",
      ],
    };
  },
};
