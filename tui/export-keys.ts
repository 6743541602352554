// The export screen's keys: enter, esc, space and t from the keymap's export context; moving and paging from the lists'.

import type { Dispatch } from 'react';
import type { AppAction } from './app-state.js';
import type { PreviewRoom } from './export-screen-state.js';
import type { ExportSession } from './export-session.js';
import { commandFor } from './keymap.js';

/** What the export keys touch. */
export interface ExportKeyContext {
  session: ExportSession;
  dispatch: Dispatch<AppAction>;
  /** The preview's room on screen, for scrolling and paging it. */
  room: PreviewRoom;
}

const FAR = Number.MAX_SAFE_INTEGER;

/** Handles one key on the export screen (the mode's dispatch in `use-dashboard-input` hands it over). */
export function handleExportKey({ session, dispatch, room }: ExportKeyContext, name: string | undefined): void {
  const page = Math.max(1, room.height - 1);
  switch (commandFor(name, ['export', 'lists'])) {
    case 'export-next':
      // A bug in a format throws; it is shown like a refusal rather than taking the dashboard down.
      session.next().then(
        (outcome) => (outcome === 'closed' ? dispatch({ type: 'close' }) : undefined),
        (error: unknown) => dispatch({ type: 'flash', text: error instanceof Error ? error.message : String(error), tone: 'error' }),
      );
      return;
    case 'export-back':
      if (session.back() === 'closed') dispatch({ type: 'close' });
      return;
    case 'export-change': {
      const prompt = session.change();
      if (prompt) dispatch({ type: 'prompt-open', purpose: `export:${prompt.key}`, label: prompt.label, value: prompt.value });
      return;
    }
    case 'top-up':
      return session.topUp();
    case 'down':
      return session.move(1, room);
    case 'up':
      return session.move(-1, room);
    case 'page-down':
      return session.move(page, room);
    case 'page-up':
      return session.move(-page, room);
    case 'top':
      return session.move(-FAR, room);
    case 'bottom':
      return session.move(FAR, room);
    default:
      return undefined;
  }
}

/** Applies what an `export:<field>` prompt returned. */
export function submitExportPrompt(session: ExportSession, purpose: string, value: string): void {
  session.setField(purpose.slice('export:'.length), value);
}
