/**
 * Entry point of the built app: `nest build api` keeps the source layout under dist/, so this
 * file becomes dist/apps/api/main.js and starts the compiled apps/api/src/main.
 */
import './src/main';
