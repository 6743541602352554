import { Text } from 'ink';
import { memo } from 'react';
import type { Integration } from '../core/index.js';
import type { SettingsForm } from './app-state.js';
import { OverlayFrame } from './overlay-frame.js';
import { SETTINGS_ROWS, settingsValue } from './settings-fields.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

function status(integration: Integration | null): string {
  if (!integration) return 'Exact Online: not connected';
  const s = integration.settings;
  return `Exact Online: ${integration.active ? 'active' : 'deactivated'} · start ${s.startDate} · journals ${s.invoiceJournal}/${s.creditNoteJournal} · nightly ${s.nightlySync ? 'on' : 'off'}`;
}

/** Integration settings: deactivate with a delink date, reconnect with start date, journals and the import option. */
export const SettingsOverlay = memo(function SettingsOverlay({ integration, form, selected }: { integration: Integration | null; form: SettingsForm; selected: number }) {
  return (
    <OverlayFrame title="Integration settings (as admin)" hint="j/k move  enter edit / toggle / run  esc close">
      <Styled role="muted" wrap="truncate">{status(integration)}</Styled>
      {SETTINGS_ROWS.map((row, i) => (
        <Text key={row.kind === 'action' ? row.action : row.field} wrap="truncate" inverse={i === selected}>
          <Styled role="accent">{i === selected ? GLYPHS.selected : ' '}</Styled>
          {row.kind === 'action' ? <Styled role="key">{` [ ${row.label} ]`}</Styled> : ` ${row.label.padEnd(36)} ${settingsValue(row, form)}`}
          {row.kind === 'toggle' && row.hint ? <Styled role="muted">{`  (${row.hint})`}</Styled> : null}
        </Text>
      ))}
    </OverlayFrame>
  );
});
