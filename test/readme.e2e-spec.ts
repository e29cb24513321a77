import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from './support';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCRIPTS = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
);
const run = promisify(execFile);

/** Every command line of the README's `bash` blocks, without its trailing comment. */
function readmeCommands(): string[] {
  const blocks = [...README.matchAll(/```bash\n([\s\S]*?)```/g)].map(([, body]) => body);
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s{2,}#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

describe('the README (e2e)', () => {
  const curls = readmeCommands().filter((command) => command.startsWith('curl '));
  let testApp: TestApp;
  let base: string;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { SEED_DEMO: 'true' } });
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    base = `127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('shows curl examples, each with -g wherever its URL has brackets', () => {
    expect(curls.length).toBeGreaterThanOrEqual(4);
    expect(curls.filter((command) => command.includes('[') && !/ -g\b/.test(command))).toEqual([]);
  });

  it('runs every curl example as written against the API with the demo catalog', async () => {
    for (const command of curls) {
      const { stdout } = await run('sh', ['-c', command.replaceAll('localhost:3000', base)]);
      const body = JSON.parse(stdout) as { error?: unknown; items?: unknown[] };
      expect([command, body.error]).toEqual([command, undefined]);
      if (body.items)
        expect([command, body.items.length > 0 || /limit=2'$/.test(command)]).toEqual([
          command,
          true,
        ]);
    }
  });

  it('names only npm scripts that exist', () => {
    const named = [...README.matchAll(/npm run ([\w:-]+)/g)].map(([, script]) => script);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((script) => !SCRIPTS.includes(script))).toEqual([]);
    for (const command of ['npm start', 'npm test']) expect(README).toContain(command);
  });

  it('documents every variable of its configuration table in .env.example', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const section = README.slice(
      README.indexOf('## Configuration'),
      README.indexOf('## The database'),
    );
    const variables = [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map(([, name]) => name);
    expect(variables.length).toBeGreaterThan(5);
    expect(variables.filter((name) => !new RegExp(`^#?\\s*${name}=`, 'm').test(example))).toEqual(
      [],
    );
  });
});
