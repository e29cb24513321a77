// Runs TypeScript entry points (start, emulator, seed, benchmarks) without a build step:
// SWC transpiles on load, with decorator metadata for Nest and the tsconfig path aliases.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
