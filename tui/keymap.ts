// The one table of keys: it drives the input dispatch, the footer and the `?` help.

/**
 * Where a binding applies: the whole app, the lists, a running walkthrough, a narration longer than its pane, hand
 * actions, any open overlay, an open menu (an overlay whose rows can be chosen: the scenario picker, the integration
 * settings, the hand actions), the export screen, a detail view, or a question to confirm.
 */
export type KeyContext =
  'global' | 'lists' | 'walkthrough' | 'narration' | 'actions' | 'overlay' | 'menu' | 'export' | 'detail' | 'confirm';

/** Every command a key can trigger. */
export type Command =
  | 'quit'
  | 'help'
  | 'pane-next'
  | 'pane-prev'
  | 'pane-1'
  | 'pane-2'
  | 'pane-3'
  | 'sync'
  | 'picker'
  | 'notifications'
  | 'settings'
  | 'actions'
  | 'back'
  | 'down'
  | 'up'
  | 'page-down'
  | 'page-up'
  | 'top'
  | 'bottom'
  | 'filter'
  | 'detail'
  | 'step-next'
  | 'step-prev'
  | 'restart'
  | 'autoplay'
  | 'faster'
  | 'slower'
  | 'book-draft'
  | 'delete-last'
  | 'delete-booking'
  | 'set-next-number'
  | 'hand-book'
  | 'register-payment'
  | 'advance-day'
  | 'choose'
  | 'export'
  | 'export-next'
  | 'export-back'
  | 'export-change'
  | 'top-up'
  | 'doctor'
  | 'save-case'
  | 'message'
  | 'narration-down'
  | 'narration-up'
  | 'detail-close'
  | 'confirm-yes'
  | 'confirm-no';

/** One binding: the command, the keys that trigger it, what it does, where it applies. */
export interface Binding {
  command: Command;
  /** Key names as `keyName` writes them: `q`, `G`, `ctrl+c`, `tab`, `shift+tab`, `up`, `pageup`, `enter`, `esc`, `space`. */
  keys: string[];
  description: string;
  context: KeyContext;
  /** Shown in the footer (the rest only in the help). */
  footer?: boolean;
}

/** The keymap, in help order. */
export const KEYMAP: readonly Binding[] = [
  { command: 'quit', keys: ['q', 'ctrl+c'], description: 'quit', context: 'global', footer: true },
  { command: 'help', keys: ['?'], description: 'help', context: 'global', footer: true },
  { command: 'pane-next', keys: ['tab'], description: 'next pane', context: 'global', footer: true },
  { command: 'pane-prev', keys: ['shift+tab'], description: 'previous pane', context: 'global' },
  { command: 'pane-1', keys: ['1'], description: 'Focus pane', context: 'global' },
  { command: 'pane-2', keys: ['2'], description: 'Exact pane', context: 'global' },
  { command: 'pane-3', keys: ['3'], description: 'checks / steps pane', context: 'global' },
  { command: 'sync', keys: ['s'], description: 'sync', context: 'global', footer: true },
  { command: 'picker', keys: ['p'], description: 'scenario', context: 'global', footer: true },
  { command: 'notifications', keys: ['n'], description: 'alerts', context: 'global', footer: true },
  { command: 'settings', keys: ['i'], description: 'integration', context: 'global', footer: true },
  { command: 'actions', keys: ['x'], description: 'hand actions', context: 'global', footer: true },
  { command: 'export', keys: ['e'], description: 'bookkeeping export', context: 'global', footer: true },
  { command: 'save-case', keys: ['w'], description: 'save a case file', context: 'global' },
  { command: 'message', keys: ['m'], description: 'whole header message', context: 'global' },
  { command: 'back', keys: ['esc'], description: 'back / clear filter', context: 'global' },
  { command: 'down', keys: ['j', 'down'], description: 'move down', context: 'lists', footer: true },
  { command: 'up', keys: ['k', 'up'], description: 'move up', context: 'lists' },
  { command: 'page-down', keys: ['pagedown'], description: 'page down', context: 'lists' },
  { command: 'page-up', keys: ['pageup'], description: 'page up', context: 'lists' },
  { command: 'top', keys: ['g', 'home'], description: 'first row', context: 'lists' },
  { command: 'bottom', keys: ['G', 'end'], description: 'last row', context: 'lists' },
  { command: 'filter', keys: ['/'], description: 'filter', context: 'lists', footer: true },
  { command: 'detail', keys: ['enter'], description: 'linked row / whole text', context: 'lists' },
  { command: 'doctor', keys: ['d'], description: 'doctor: findings, plan', context: 'lists' },
  { command: 'step-next', keys: ['right', 'l', 'space'], description: 'next step', context: 'walkthrough', footer: true },
  { command: 'step-prev', keys: ['left', 'h', 'b'], description: 'previous step', context: 'walkthrough', footer: true },
  { command: 'restart', keys: ['r'], description: 'restart', context: 'walkthrough', footer: true },
  { command: 'autoplay', keys: ['a'], description: 'autoplay', context: 'walkthrough', footer: true },
  { command: 'faster', keys: ['+'], description: 'autoplay faster', context: 'walkthrough' },
  { command: 'slower', keys: ['-'], description: 'autoplay slower', context: 'walkthrough' },
  { command: 'narration-down', keys: [']'], description: 'more narration', context: 'narration', footer: true },
  { command: 'narration-up', keys: ['['], description: 'narration back up', context: 'narration', footer: true },
  { command: 'book-draft', keys: ['B'], description: 'book selected or first draft', context: 'actions' },
  { command: 'delete-last', keys: ['D'], description: 'delete selected/last invoice', context: 'actions' },
  { command: 'delete-booking', keys: ['E'], description: 'delete booking in Exact', context: 'actions' },
  { command: 'set-next-number', keys: ['N'], description: "set a journal's next number", context: 'actions' },
  { command: 'hand-book', keys: ['H'], description: 'book by hand in Exact', context: 'actions' },
  { command: 'register-payment', keys: ['P'], description: 'pay the booking in Exact', context: 'actions' },
  { command: 'advance-day', keys: ['C'], description: 'next day (nightly sync runs)', context: 'actions' },
  { command: 'choose', keys: ['enter'], description: 'choose', context: 'menu', footer: true },
  { command: 'export-next', keys: ['enter'], description: 'next / confirm', context: 'export', footer: true },
  { command: 'export-back', keys: ['esc'], description: 'back a step', context: 'export', footer: true },
  { command: 'export-change', keys: ['space'], description: 'change field', context: 'export', footer: true },
  { command: 'top-up', keys: ['t'], description: 'top up wallet (demo)', context: 'export', footer: true },
  { command: 'detail-close', keys: ['esc'], description: 'close a detail', context: 'detail', footer: true },
  { command: 'confirm-yes', keys: ['y'], description: 'yes, overwrite', context: 'confirm', footer: true },
  { command: 'confirm-no', keys: ['n', 'esc'], description: 'no, keep the file', context: 'confirm', footer: true },
];

/** The keys Ink reports for one keypress (a subset of Ink's `Key`). */
export interface InkKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  meta?: boolean;
}

/** The name of a keypress as the keymap writes it, or undefined for keys it does not know. */
export function keyName(input: string, key: InkKey): string | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input.length === 1 ? input : undefined;
}

/** The command a key name triggers in the given contexts (the first context listed wins), if any. */
export function commandFor(name: string | undefined, contexts: readonly KeyContext[]): Command | undefined {
  if (name === undefined) return undefined;
  for (const context of contexts) {
    const binding = KEYMAP.find((b) => b.context === context && b.keys.includes(name));
    if (binding) return binding.command;
  }
  return undefined;
}

/** How a key is shown to people: `↑`, `pgdn`, `shift+tab`. */
export function keyLabel(name: string): string {
  const labels: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    pageup: 'pgup',
    pagedown: 'pgdn',
    'ctrl+c': 'ctrl+c',
  };
  return labels[name] ?? name;
}

/** The bindings of a context. */
export function bindingsOf(context: KeyContext): Binding[] {
  return KEYMAP.filter((b) => b.context === context);
}

/** The keys of a command, joined for display: `j/↓`. */
export function keysOf(command: Command): string {
  return (KEYMAP.find((b) => b.command === command)?.keys ?? []).map(keyLabel).join('/');
}

/** The footer line for the active contexts (the most specific first), with `? help  q quit` always at the end; cut with `…` to `width`. */
export function footerText(contexts: readonly KeyContext[], width: number): string {
  const label = (b: Binding) => `${b.keys.slice(0, 2).map(keyLabel).join('/')} ${b.description}`;
  const tail = KEYMAP.filter((b) => b.command === 'help' || b.command === 'quit')
    .reverse()
    .map(label)
    .join('  ');
  const parts = [...contexts]
    .reverse()
    .flatMap((context) => KEYMAP.filter((b) => b.footer && b.context === context && b.command !== 'help' && b.command !== 'quit'))
    .map(label);
  let line = '';
  for (const part of parts) {
    const next = line ? `${line}  ${part}` : part;
    if (next.length + tail.length + 5 > width) return `${line}  …  ${tail}`.trimStart();
    line = next;
  }
  return line ? `${line}  ${tail}` : tail;
}

/** The overlays that are menus: `enter` chooses their selected row (help and alerts only show, and have no `enter`). */
export const MENU_OVERLAYS: readonly string[] = ['picker', 'settings', 'actions'];

/** The key contexts of what is shown (most specific first): the dashboard's own, the export screen's, a detail's, a question's, or an overlay's. */
export function contextsOf(
  shown: string,
  normal: readonly KeyContext[],
  { confirming = false }: { confirming?: boolean } = {},
): KeyContext[] {
  if (shown === 'normal') return [...normal];
  if (shown === 'export') return ['export'];
  if (shown === 'detail') return ['detail'];
  if (shown === 'save' && confirming) return ['confirm'];
  return MENU_OVERLAYS.includes(shown) ? ['menu', 'overlay'] : ['overlay'];
}

/** Help groups, generated from the keymap; a group can take in the bindings of small contexts (`also`); one without bindings is not shown. */
export const HELP_GROUPS: ReadonlyArray<{ context: KeyContext; title: string; also?: KeyContext[] }> = [
  { context: 'global', title: 'Everywhere' },
  { context: 'lists', title: 'Lists' },
  { context: 'walkthrough', title: 'Walkthrough' },
  { context: 'narration', title: 'Narration' },
  { context: 'actions', title: 'Hand actions' },
  { context: 'overlay', title: 'Overlays', also: ['detail', 'confirm'] },
  { context: 'menu', title: 'Menus' },
  { context: 'export', title: 'Export' },
];
