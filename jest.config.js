/** Unit specs beside the code (`*.spec.ts`), medium specs in `test/medium/` (`*.medium-spec.ts`), end-to-end specs in `test/` (`*.e2e-spec.ts`). */
const esmOnly = ['cookie', 'content-disposition', '@fastify/cookie'];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|medium-spec|e2e-spec)\\.ts$',
  roots: ['<rootDir>/apps', '<rootDir>/bench', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/tools'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@kassa/(common|database|mongo-emulator|payment-gateway)(/(.*))?$': '<rootDir>/libs/$1/src$2',
  },
  testTimeout: 30000,
  /** A spec whose setup failed half-way may leave a database open: the run still ends. */
  forceExit: true,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
};
