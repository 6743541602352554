import type { User } from '../../store/index.js';
import { defineEntitySet, field } from '../entity-set.js';

/** current/Me: the signed-in user with the current division; a collection holding one item. */
export const currentMe = defineEntitySet<User>({
  path: 'current/Me',
  typeName: 'Me',
  key: 'UserID',
  fields: {
    UserID: field('Guid', 'r'),
    CurrentDivision: field('Int32', 'r'),
    FullName: field('String', 'r'),
    UserName: field('String', 'r'),
    Email: field('String', 'r'),
    LanguageCode: field('String', 'r'),
    DivisionCustomer: field('Guid', 'r'),
  },
  list: (ctx) => [ctx.user],
  get: (ctx, key) => (key === ctx.user.id ? ctx.user : undefined),
  toRow: (u) => ({
    UserID: u.id,
    CurrentDivision: u.currentDivision,
    FullName: u.fullName,
    UserName: u.userName,
    Email: u.email,
    LanguageCode: u.languageCode,
    DivisionCustomer: null,
  }),
});
