import type { Language } from '../domain/problems.js';

/** Exact answers in the user's language: Dutch when `Accept-Language` asks for it first, else English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  return /^\s*nl\b/i.test(acceptLanguage ?? '') ? 'nl' : 'en';
}
