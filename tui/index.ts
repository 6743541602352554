// booklab's dashboard. Only the `tui` command is exported: it loads Ink, React and the dashboard when it runs, so
// importing this stays light.

export { tuiCommand } from './tui-command.js';

export type { TuiOptions } from './run-tui.js';
