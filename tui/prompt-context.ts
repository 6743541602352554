import { createContext } from 'react';
import type { Prompt } from './app-state.js';

/** The text prompt open now, for the screens that draw its field where the field is shown. */
export const PromptContext = createContext<Prompt | undefined>(undefined);
