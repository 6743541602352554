import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import { euros, plural, EXPORT_FEE_CENTS } from '../core/index.js';
import { fieldText, stepFields, type ExportField, type ExportForm } from './export-fields.js';
import { previewLines } from './export-preview-lines.js';
import type { ExportScreenState, PreviewRoom } from './export-screen-state.js';
import { PromptContext } from './prompt-context.js';
import { TextField } from './text-field.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';
import { positionLabel, windowOf } from './window.js';

/** The editable fields of a step, the selected one marked; the one being typed is edited in its row. */
function Fields({ fields, form, selected }: { fields: ExportField[]; form: ExportForm; selected: number }) {
  const prompt = useContext(PromptContext);
  return (
    <>
      {fields.map((field, i) => {
        const editing = prompt?.purpose === `export:${field.key}`;
        return (
          <Text key={field.key} wrap="truncate" inverse={i === selected && !editing}>
            <Styled role="accent">{i === selected ? GLYPHS.selected : ' '}</Styled>
            {` ${field.label.padEnd(22)} `}
            {editing ? <TextField purpose={prompt.purpose} value={prompt.value} editing /> : fieldText(form, field)}
          </Text>
        );
      })}
    </>
  );
}

function Row({ label, value, role }: { label: string; value: string; role?: 'ok' | 'error' | 'muted' }) {
  return (
    <Text wrap="truncate">
      {`  ${label.padEnd(28)} `}
      <Styled role={role}>{value}</Styled>
    </Text>
  );
}

function CostStep({ state }: { state: ExportScreenState }) {
  const cost = state.cost;
  if (!cost) return null;
  return (
    <>
      <Styled
        role="muted"
        wrap="wrap"
      >{`EUR ${(EXPORT_FEE_CENTS / 100).toFixed(2)} per invoice or credit note, from the wallet; each is charged once.`}</Styled>
      <Row label="Documents in the period" value={String(cost.documents)} />
      <Row label="Already paid (free)" value={String(cost.alreadyPaid)} />
      <Row label="To pay for" value={String(cost.toCharge)} />
      <Row label="Fee" value={euros(cost.feeCents)} />
      <Row
        label="Wallet"
        value={`${euros(cost.balanceCents)} ${cost.enough ? GLYPHS.ok : `${GLYPHS.failed} too little`}`}
        role={cost.enough ? 'ok' : 'error'}
      />
    </>
  );
}

function PreviewStep({ state, room }: { state: ExportScreenState; room: PreviewRoom }) {
  const preview = state.preview;
  if (!preview) return null;
  const lines = previewLines(preview, room.width);
  const window = windowOf({ length: lines.length, height: room.height, scroll: state.scroll, selected: state.scroll });
  return (
    <>
      {preview.errorCount > 0 ? (
        <Styled
          role="error"
          wrap="truncate"
        >{`${GLYPHS.failed} ${plural(preview.errorCount, 'error')}: enter makes no file until they are fixed`}</Styled>
      ) : (
        <Styled role="ok" wrap="truncate">{`${GLYPHS.ok} no errors: enter makes the file`}</Styled>
      )}
      <Box flexDirection="column" height={room.height} overflow="hidden">
        {lines.slice(window.start, window.end).map((line, i) => (
          <Styled key={window.start + i} role={line.role} wrap="truncate">
            {line.text}
          </Styled>
        ))}
      </Box>
      <Styled role="muted" wrap="truncate">
        {positionLabel(window, lines.length)}
      </Styled>
    </>
  );
}

/** The content of the wizard's current step. */
export const StepContent = memo(function StepContent({ state, room }: { state: ExportScreenState; room: PreviewRoom }) {
  const fields = stepFields(state.step, state.exporter);
  switch (state.step) {
    case 'period':
      return (
        <>
          <Styled role="muted" wrap="wrap">
            Booked invoices and credit notes dated in the period are exported; drafts never.
          </Styled>
          <Fields fields={fields} form={state.form} selected={state.selected} />
        </>
      );
    case 'package':
      return (
        <>
          <Styled role="muted" wrap="truncate">{`${plural(state.documents, 'document')}. Which bookkeeping program?`}</Styled>
          {state.packages.map((exporter, i) => (
            <Box key={exporter.id} flexDirection="column">
              <Text wrap="truncate" inverse={i === state.selected}>
                <Styled role="accent">{i === state.selected ? GLYPHS.selected : ' '}</Styled>
                {` ${exporter.name}`}
              </Text>
              <Styled role="muted" wrap="truncate">{`   ${exporter.description}`}</Styled>
            </Box>
          ))}
        </>
      );
    case 'external-ids':
      return (
        <>
          <Text wrap="wrap">
            {`${plural(state.customers, 'customer')} in the selection; `}
            <Styled role={state.missingIds > 0 ? 'error' : 'ok'}>
              {state.missingIds > 0
                ? `${GLYPHS.conflict} ${state.missingIds} without an external ID`
                : `${GLYPHS.ok} all have an external ID`}
            </Styled>
          </Text>
          <Fields fields={fields} form={state.form} selected={state.selected} />
        </>
      );
    case 'cost':
      return <CostStep state={state} />;
    case 'parameters':
      return <Fields fields={fields} form={state.form} selected={state.selected} />;
    case 'preview':
      return <PreviewStep state={state} room={room} />;
    case 'file':
      return (
        <>
          <Text wrap="truncate">{state.busy ? 'Writing the files…' : `The files, in ${state.dir}:`}</Text>
          {state.files.map((file) => (
            <Box key={file.name} flexDirection="column">
              <Styled role="ok" wrap="truncate">{`${GLYPHS.ok} ${file.name}`}</Styled>
              <Styled role="muted" wrap="truncate-middle">{`   ${file.path}`}</Styled>
            </Box>
          ))}
        </>
      );
  }
});
