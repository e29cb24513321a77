// Records @swc/core's per-platform optional binaries in package-lock.json. The registry this
// project installs from serves only the Linux builds, so npm leaves the others out of the lock
// and `npm ci` then rejects it as out of sync. Entries marked optional with their os/cpu are
// skipped on other platforms without being fetched. Run after changing the @swc/core version.
const fs = require('fs');
const path = require('path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const core = lock.packages['node_modules/@swc/core'];

const platforms = {
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'linux-arm-gnueabihf': ['linux', 'arm'],
  'linux-ppc64-gnu': ['linux', 'ppc64'],
  'linux-s390x-gnu': ['linux', 's390x'],
  'win32-arm64-msvc': ['win32', 'arm64'],
  'win32-ia32-msvc': ['win32', 'ia32'],
  'win32-x64-msvc': ['win32', 'x64'],
};

for (const [suffix, [os, cpu]] of Object.entries(platforms)) {
  const key = `node_modules/@swc/core-${suffix}`;
  lock.packages[key] ??= {
    version: core.optionalDependencies[`@swc/core-${suffix}`],
    cpu: [cpu],
    ...(core.dev ? { dev: true } : {}),
    license: 'Apache-2.0 AND MIT',
    optional: true,
    os: [os],
    engines: { node: '>=10' },
  };
}

lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
