// Which overlay replaces the dashboard's body in each mode, given what it shows.

import type { ReactElement } from 'react';
import { ActionsOverlay } from './actions-overlay.js';
import type { AppState, Mode } from './app-state.js';
import type { DashboardController, DashboardSnapshot } from './dashboard-controller.js';
import { DetailOverlay } from './detail-overlay.js';
import { DoctorOverlay } from './doctor-overlay.js';
import { ExportScreen } from './export-screen.js';
import type { ExportSession } from './export-session.js';
import { HelpOverlay } from './help-overlay.js';
import { NotificationsOverlay } from './notifications-overlay.js';
import { PromptContext } from './prompt-context.js';
import { SaveCaseDialog } from './save-case-dialog.js';
import { ScenarioPicker, type PickerItem } from './scenario-picker.js';
import { SettingsOverlay } from './settings-overlay.js';

/** What the overlays read from the dashboard around them. */
export interface OverlayInput {
  /** The mode on screen (a prompt's, the mode it edits). */
  shown: Mode;
  state: AppState;
  snapshot: DashboardSnapshot;
  controller: DashboardController;
  exportSession: ExportSession;
  pickerItems: PickerItem[];
  columns: number;
  height: number;
}

/** The overlay the mode on screen puts in place of the body; undefined in normal mode, which shows the panes. */
export function overlayFor({
  shown,
  state,
  snapshot,
  controller,
  exportSession,
  pickerItems,
  columns,
  height,
}: OverlayInput): ReactElement | undefined {
  if (shown === 'help') return <HelpOverlay columns={columns} height={height} />;
  if (shown === 'export')
    return (
      <PromptContext.Provider value={state.prompt}>
        <ExportScreen session={exportSession} columns={columns} height={height} />
      </PromptContext.Provider>
    );
  if (shown === 'notifications')
    return (
      <NotificationsOverlay
        notifications={snapshot.view.focus.bell.notifications}
        hidden={snapshot.view.focus.bell.hidden.length}
        height={height}
        selected={state.overlay.selected}
      />
    );
  if (shown === 'doctor') return <DoctorOverlay controller={controller} height={height} scroll={state.overlay.selected} />;
  if (shown === 'picker') return <ScenarioPicker items={pickerItems} position={state.overlay} height={height} />;
  if (shown === 'settings')
    return (
      <SettingsOverlay
        integration={snapshot.view.focus.integration}
        form={state.settings}
        selected={state.overlay.selected}
        prompt={state.prompt}
      />
    );
  if (shown === 'detail' && state.detail)
    return <DetailOverlay detail={state.detail} columns={columns} height={height} scroll={state.overlay.selected} />;
  if (shown === 'save') return <SaveCaseDialog prompt={state.prompt} overwrite={state.save?.overwrite} title={snapshot.title} />;
  if (shown === 'actions') return <ActionsOverlay selected={state.overlay.selected} />;
  return undefined;
}
