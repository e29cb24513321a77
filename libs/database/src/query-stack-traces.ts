import mongoose from 'mongoose';

/**
 * Mongoose captures a stack trace on every query it runs, only to enrich the error of a query
 * object executed twice, which no repository here does. Capturing it cost more than the rest of
 * the client-side work of a point read, so it is off.
 */
mongoose.set('skipOriginalStackTraces', true);
