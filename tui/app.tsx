import { Box, useApp } from 'ink';
import { INVARIANTS, unreadOf } from '../core/index.js';
import { useEffect, useMemo, useReducer, useState, useSyncExternalStore } from 'react';
import type { Scenario } from '../scenarios/index.js';
import { appReducer, FLASH_MS, initialAppState, type PaneId } from './app-state.js';
import type { DashboardController } from './dashboard-controller.js';
import type { ExportSessionOptions } from './export-screen-state.js';
import { ExportSession } from './export-session.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { InvariantsPanel } from './invariants-panel.js';
import { contextsOf, type KeyContext } from './keymap.js';
import { layoutFor, narrationWidthFor, PANEL_GAP, type TerminalSize } from './layout.js';
import { ListPane } from './list-pane.js';
import { EXACT_COLUMNS, exactRows, filterRows, FOCUS_COLUMNS, focusRows, PANE_TITLES } from './rows.js';
import type { PickerItem } from './scenario-picker.js';
import { overlayFor } from './overlay-body.js';
import { COLOUR_THEME, type Theme } from './theme.js';
import { ThemeContext, useTheme } from './theme-context.js';
import { TooSmall } from './too-small.js';
import { normalContexts, runAction, useDashboardInput } from './use-dashboard-input.js';
import { useTerminalSize } from './use-terminal-size.js';
import { narrationWindow, WalkthroughPanel } from './walkthrough-panel.js';
import { headingLines, walkthroughLines } from './walkthrough-lines.js';
import { hiddenChange, isInlinePrompt } from './screen-hints.js';

/** Props of the dashboard. */
export interface AppProps {
  controller: DashboardController;
  /** A fixed terminal size (tests); the real terminal's, following resizes, when absent. */
  size?: TerminalSize;
  theme?: Theme;
  /** The scenarios the picker offers (`runTui` gives the catalogue; none when absent). */
  scenarios?: readonly Scenario[];
  /** Called on `q` / ctrl+c instead of Ink's exit (tests). */
  onQuit?: () => void;
  /** Where the export screen writes its files (tests give a temporary directory or a writer). */
  exportOptions?: ExportSessionOptions;
}

const OVERLAY_CHROME = 4;
const NO_SCENARIOS: readonly Scenario[] = [];

/** The dashboard: header, the two systems, the invariants and walkthrough, the footer; overlays replace the body. */
export function App({ theme = COLOUR_THEME, ...props }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <Dashboard {...props} />
    </ThemeContext.Provider>
  );
}

function Dashboard({ controller, size, scenarios = NO_SCENARIOS, onQuit, exportOptions }: Omit<AppProps, 'theme'>) {
  const { exit } = useApp();
  const theme = useTheme();
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const terminal = useTerminalSize(size);
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialAppState());
  const [exportSession] = useState(() => new ExportSession(exportOptions));
  const walkthrough = snapshot.walkthrough;
  const narrationWidth = narrationWidthFor(terminal);
  const narration = useMemo(() => (walkthrough ? walkthroughLines(walkthrough, narrationWidth) : []), [walkthrough, narrationWidth]);
  const heading = useMemo(
    () => (walkthrough ? headingLines(walkthrough, narrationWidth, { autoplay: state.autoplay.on }) : []),
    [walkthrough, narrationWidth, state.autoplay.on],
  );
  // The layout gives the heading one line; a heading that wraps takes its other lines from the narration's rows.
  const extraHeading = Math.max(0, heading.length - 1);
  const layout = layoutFor(terminal, { walkthrough: Boolean(walkthrough), narration: narration.length + extraHeading });
  const narrationRows = layout.kind === 'too-small' ? 1 : Math.max(1, layout.narrationLines - extraHeading);
  const narrationView = narrationWindow(
    narration,
    narrationRows,
    walkthrough && state.narration.of === walkthrough ? state.narration.scroll : 0,
  );
  // A page on is the last line shown and what follows it (the window may stop early, before a warning).
  const narrationScroll =
    walkthrough && narrationView.maxScroll > 0
      ? { of: walkthrough, page: Math.max(1, narrationView.shown.length - 1), max: narrationView.maxScroll }
      : undefined;

  const focusAll = useMemo(() => focusRows(snapshot.view, snapshot.diff), [snapshot.view, snapshot.diff]);
  const exactAll = useMemo(() => exactRows(snapshot.view, snapshot.diff), [snapshot.view, snapshot.diff]);
  const focusList = useMemo(() => filterRows(focusAll, state.filters.focus), [focusAll, state.filters.focus]);
  const exactList = useMemo(() => filterRows(exactAll, state.filters.exact), [exactAll, state.filters.exact]);
  const pickerItems = useMemo<PickerItem[]>(
    () => [{ id: 'home', title: 'the home world (free play)' }, ...scenarios.map((s) => ({ id: s.id, title: s.title, scenario: s }))],
    [scenarios],
  );

  const listHeight = layout.kind === 'too-small' ? 1 : layout.listHeight;
  const overlayHeight = Math.max(1, terminal.rows - 1 - 2 - OVERLAY_CHROME);
  const heights: Record<PaneId, number> = { focus: listHeight, exact: listHeight, panel: INVARIANTS.length };
  const quit = onQuit ?? (() => exit());

  useDashboardInput({
    state,
    dispatch,
    controller,
    snapshot,
    layout,
    lists: { focus: focusList, exact: exactList, panel: INVARIANTS.length },
    heights,
    pickerItems,
    overlayHeight,
    exportSession,
    narration: narrationScroll,
    exit: quit,
  });

  useEffect(() => {
    if (!state.flash) return undefined;
    const id = state.flash.id;
    const timer = setTimeout(() => dispatch({ type: 'flash-expire', id }), FLASH_MS);
    return () => clearTimeout(timer);
  }, [state.flash]);

  useEffect(() => {
    if (!state.autoplay.on || !walkthrough || state.busy) return undefined;
    if (walkthrough.position >= walkthrough.total || controller.walkthroughDone) {
      dispatch({ type: 'autoplay', on: false });
      return undefined;
    }
    const timer = setTimeout(() => void runAction(dispatch, 'step', () => controller.forward()), state.autoplay.paceMs);
    return () => clearTimeout(timer);
  }, [state.autoplay, walkthrough, state.busy, controller]);

  if (layout.kind === 'too-small') return <TooSmall message={layout.message} rows={terminal.rows} />;

  const compact = layout.kind === 'compact';
  const unread = unreadOf(snapshot.view.focus.bell).length;
  // While a prompt is open the screen it edits stays in view.
  const shown = state.mode === 'prompt' ? (state.prompt?.returnTo ?? 'normal') : state.mode;
  const contexts: KeyContext[] = contextsOf(shown, normalContexts(Boolean(walkthrough), Boolean(narrationScroll)), {
    confirming: Boolean(state.save?.overwrite),
  });
  // The Exact pane needs less room than Focus (no customer column), so Focus gets the rest.
  const paneWidth = compact ? terminal.columns : terminal.columns - Math.max(42, Math.floor(terminal.columns * 0.42));
  const focusPane = (
    <ListPane
      width={paneWidth}
      title={`1 ${PANE_TITLES.focus}`}
      columns={FOCUS_COLUMNS}
      rows={focusList}
      focused={state.pane === 'focus'}
      position={state.lists.focus}
      height={listHeight}
      filter={state.filters.focus}
    />
  );
  const exactPane = (
    <ListPane
      width={compact ? terminal.columns : terminal.columns - paneWidth}
      title={`2 ${PANE_TITLES.exact}`}
      columns={EXACT_COLUMNS}
      rows={exactList}
      focused={state.pane === 'exact'}
      position={state.lists.exact}
      height={listHeight}
      filter={state.filters.exact}
    />
  );

  let body = overlayFor({
    shown,
    state,
    snapshot,
    controller,
    exportSession,
    pickerItems,
    columns: terminal.columns,
    height: overlayHeight,
  });
  if (!body) {
    body = (
      <>
        <Box height={layout.paneHeight} flexShrink={0}>
          {compact ? (
            state.systemPane === 'focus' ? (
              focusPane
            ) : (
              exactPane
            )
          ) : (
            <>
              {focusPane}
              {exactPane}
            </>
          )}
        </Box>
        <Box
          height={layout.panelHeight}
          flexShrink={0}
          borderStyle="round"
          borderColor={state.pane === 'panel' ? theme.borders.focused : theme.borders.normal}
          flexDirection={compact ? 'column' : 'row'}
          columnGap={PANEL_GAP}
          overflowY="hidden"
        >
          {walkthrough ? (
            <WalkthroughPanel
              heading={heading}
              lines={narration}
              rows={narrationRows}
              scroll={narrationView.scroll}
              width={compact ? terminal.columns - 2 : narrationWidth}
            />
          ) : null}
          <Box
            flexDirection="column"
            width={walkthrough && !compact ? terminal.columns - 2 - PANEL_GAP - narrationWidth : undefined}
            flexGrow={walkthrough ? 0 : 1}
          >
            <InvariantsPanel
              violations={snapshot.violations}
              checking={snapshot.checking}
              compact={compact}
              selected={state.pane === 'panel' ? state.lists.panel.selected : undefined}
            />
          </Box>
        </Box>
      </>
    );
  }

  return (
    <Box flexDirection="column" height={terminal.rows - 1} width={terminal.columns}>
      <Header
        title={snapshot.title}
        unread={unread}
        busy={state.busy}
        lastSync={state.lastSync}
        now={snapshot.now}
        flash={state.flash}
        compactPane={compact ? state.systemPane : undefined}
        hiddenChange={compact && shown === 'normal' ? hiddenChange(state.systemPane, focusAll, exactAll) : undefined}
        columns={terminal.columns}
      />
      <Box flexDirection="column" flexGrow={1} overflowY="hidden">
        {body}
      </Box>
      <Footer
        contexts={contexts}
        width={terminal.columns}
        prompt={state.prompt}
        inline={state.prompt ? isInlinePrompt(state.prompt) : false}
      />
    </Box>
  );
}
