/**
 * Entry point of the built gateway: `nest build` keeps the source layout under dist/, so this
 * file becomes dist/apps/payment-gateway/main.js and starts the compiled src/main.
 */
import './src/main';
