import { z } from 'zod';

/** Tokens of the accounting package's OAuth; Focus keeps them in its integration state. */
export const TokenSetSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Epoch ms at which the access token expires. */
  expiresAt: z.number().int(),
});

export type TokenSet = z.infer<typeof TokenSetSchema>;

/** Holds the current tokens. Refresh tokens rotate, so the newest must always be written back. */
export interface TokenStore {
  get(): TokenSet | null;
  set(tokens: TokenSet): void;
}

/** A token store that lives in memory only. */
export function memoryTokenStore(initial: TokenSet | null = null): TokenStore {
  let tokens = initial;
  return { get: () => tokens, set: (next) => void (tokens = next) };
}
