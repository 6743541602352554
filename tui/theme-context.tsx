import { Text, type TextProps } from 'ink';
import { createContext, useContext, type ReactNode } from 'react';
import { COLOUR_THEME, type Role, type Theme } from './theme.js';

/** The theme components draw with. */
export const ThemeContext = createContext<Theme>(COLOUR_THEME);

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/** Text in a theme role: `<Styled role="error">✗</Styled>`. */
export function Styled({ role, children, wrap }: { role?: Role; children: ReactNode; wrap?: TextProps['wrap'] }) {
  const theme = useTheme();
  return (
    <Text {...(role ? theme.roles[role] : {})} wrap={wrap}>
      {children}
    </Text>
  );
}
