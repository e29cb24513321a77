import mongoose from 'mongoose';

/**
 * Query selector injection is refused at the last gate, whatever a caller forgot: every filter
 * Mongoose sends wraps a nested object that has `$` keys in `$eq`, so `{ username: { $gt: '' } }`
 * looks for that literal object and matches nothing, and a top-level operator other than
 * `$and`/`$or`/`$nor` throws. The few filters the server builds with operators mark each
 * condition `trusted({ $gt: now })`; list queries, whose operators come from a fixed table, are
 * trusted in `findPage`.
 */
mongoose.set('sanitizeFilter', true);
