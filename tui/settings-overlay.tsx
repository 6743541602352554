import { Text } from 'ink';
import { memo } from 'react';
import type { Integration } from '../core/index.js';
import type { Prompt, SettingsForm } from './app-state.js';
import { OverlayFrame } from './overlay-frame.js';
import { SETTINGS_ROWS, settingsValue } from './settings-fields.js';
import { TextField } from './text-field.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** What is in force now: active or not, the start date, the delink date of the last deactivation, the journals. */
export function integrationStatus(integration: Integration | null): string[] {
  if (!integration) return ['Exact Online: not connected'];
  const s = integration.settings;
  return [
    `Exact Online: ${integration.active ? 'active' : 'deactivated'} · start date ${s.startDate} · delink date ${integration.delinkDate ?? 'none (never deactivated)'}`,
    `journals ${s.invoiceJournal} (invoices) / ${s.creditNoteJournal} (credit notes) · nightly sync ${s.nightlySync ? 'on' : 'off'}`,
  ];
}

/** Integration settings: deactivate with a delink date, reconnect with start date, journals and the import option. */
export const SettingsOverlay = memo(function SettingsOverlay({
  integration,
  form,
  selected,
  prompt,
}: {
  integration: Integration | null;
  form: SettingsForm;
  selected: number;
  prompt?: Prompt;
}) {
  return (
    <OverlayFrame
      title="Integration settings (as admin)"
      hint={prompt ? 'type the value  enter ok  esc cancel' : 'j/k move  enter edit / toggle / run  esc close'}
    >
      {integrationStatus(integration).map((line) => (
        <Styled key={line} role="muted" wrap="truncate">
          {line}
        </Styled>
      ))}
      {SETTINGS_ROWS.map((row, i) => (
        <Text key={row.kind === 'action' ? row.action : row.field} wrap="truncate" inverse={i === selected && !prompt}>
          <Styled role="accent">{i === selected ? GLYPHS.selected : ' '}</Styled>
          {row.kind === 'action' ? <Styled role="key">{` [ ${row.label} ]`}</Styled> : ` ${row.label.padEnd(36)} `}
          {row.kind === 'text' ? (
            <TextField
              purpose={`field:${row.field}`}
              value={prompt?.purpose === `field:${row.field}` ? prompt.value : form[row.field]}
              editing={prompt?.purpose === `field:${row.field}`}
            />
          ) : row.kind === 'toggle' ? (
            settingsValue(row, form)
          ) : null}
          {row.kind === 'toggle' && row.hint ? <Styled role="muted">{`  (${row.hint})`}</Styled> : null}
        </Text>
      ))}
    </OverlayFrame>
  );
});
