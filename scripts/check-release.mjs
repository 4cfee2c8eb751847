#!/usr/bin/env node
// A release rehearsal: what `changeset version` and `pnpm pack` would publish from the pending
// changesets, made in a temporary copy so this checkout is left as it is. Fails when the four
// published packages would not share one version, when a tarball lacks its CHANGELOG, LICENSE or
// README, when a package would not accept its siblings' new version, or when a changelog or a
// packed README speaks to this repository's maintainers (issue numbers, relative links, repository-only commands and
// files) instead of to the people who install the packages. Run after the build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './node-runtime.mjs';
import { packPublishedPackages, publishedPackages } from './published-packages.mjs';
import { workspaceFolders } from './workspaces.mjs';

/** Wording a stranger reading the changelog on npm cannot use, and why. */
const internalWording = [
  [/\bissues?\s*#?\d+/i, 'an issue number of this repository'],
  [/\baudit\b/i, 'wording from an internal audit'],
  [/\b(?:TODO|FIXME|XXX)\b/, 'a to-do marker'],
  [/\]\((?!https?:|#)[^)]+\)/, 'a relative link (npm shows the text away from this repository)'],
  [
    // A linked file is fine; a subpath such as `./local` is the package's own.
    /pnpm --filter|node scripts\/|(?<!\[)`(?:\.\.\/|\.\/[^`]*\.[a-z]+`|scripts\/|src\/|shared\/|apps\/|packages\/)/,
    'a command or file that exists only in this repository',
  ],
  [/(?<!\/)OFFLINE-SCORER\.md(?!`?\])/, 'a document that is not in the tarball, unlinked'],
];

/** Files every tarball carries. */
const requiredFiles = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

const work = mkdtempSync(path.join(tmpdir(), 'ielts-release-'));
const problems = [];
/** Where a folder of this checkout is in the copy. */
const copyOf = (folder) => path.join(work, path.relative(root, folder));
/** Records each line of `text` (a changelog, a packed README) that has wording a stranger cannot use. */
function checkWording(label, text) {
  text.split('\n').forEach((line, index) => {
    for (const [pattern, reason] of internalWording) {
      if (pattern.test(line)) problems.push(`${label} line ${index + 1}: ${reason}: ${line.trim().slice(0, 140)}`);
    }
  });
}
try {
  // The copy: the workspace manifests (changesets reads every workspace, ignored ones too), the
  // pending changesets, and the published packages as built, without node_modules or sources.
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(path.join(root, file), path.join(work, file));
  cpSync(path.join(root, '.changeset'), path.join(work, '.changeset'), { recursive: true });
  const published = new Set(publishedPackages.map(({ folder }) => folder));
  for (const folder of workspaceFolders()) {
    const copy = copyOf(folder);
    if (published.has(folder)) {
      cpSync(folder, copy, { recursive: true, filter: (source) => !/[\\/](node_modules|src|test-results)$/.test(source) });
    } else {
      mkdirSync(copy, { recursive: true });
      cpSync(path.join(folder, 'package.json'), path.join(copy, 'package.json'));
    }
  }
  // pnpm pack reads a `workspace:` dependency's version from the installed sibling: link the copies.
  for (const { folder } of publishedPackages) {
    const copy = copyOf(folder);
    const { dependencies = {} } = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
    for (const [dependency, range] of Object.entries(dependencies)) {
      const sibling = publishedPackages.find(({ name }) => name === dependency);
      if (!range.startsWith('workspace:') || !sibling) continue;
      mkdirSync(path.join(copy, 'node_modules', path.dirname(dependency)), { recursive: true });
      symlinkSync(copyOf(sibling.folder), path.join(copy, 'node_modules', dependency), 'dir');
    }
  }
  execFileSync(process.execPath, [path.join(root, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  // Before the first publish a package has one pending changeset, its first-release description
  // (see .changeset/README.md): a second one would put a change between unreleased versions in its changelog.
  const pendingChangesets = readdirSync(path.join(root, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
  for (const { name, folder } of publishedPackages) {
    if (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')).version !== '0.0.0') continue;
    const naming = pendingChangesets.filter((file) => readFileSync(path.join(root, '.changeset', file), 'utf8').includes(`"${name}"`));
    if (naming.length > 1)
      problems.push(`${name} is unpublished, so its changes edit its first-release changeset; these name it: ${naming.join(', ')}`);
  }

  const manifestOf = (folder) => JSON.parse(readFileSync(path.join(copyOf(folder), 'package.json'), 'utf8'));
  const versions = new Map(publishedPackages.map(({ name, folder }) => [name, manifestOf(folder).version]));
  const distinct = new Set(versions.values());
  if (distinct.size !== 1)
    problems.push(`the packages would not share one version: ${[...versions].map(([name, version]) => `${name} ${version}`).join(', ')}`);
  const [version] = distinct;
  if (version === '0.0.0') problems.push('no pending changeset: nothing would be released');

  for (const { name, folder } of publishedPackages) {
    const changelogFile = path.join(copyOf(folder), 'CHANGELOG.md');
    if (!existsSync(changelogFile)) {
      problems.push(`${name}: no CHANGELOG.md`);
      continue;
    }
    const changelog = readFileSync(changelogFile, 'utf8');
    if (!changelog.includes(`\n## ${versions.get(name)}\n`))
      problems.push(`${name}: CHANGELOG.md has no section for ${versions.get(name)}`);
    checkWording(`${name} CHANGELOG.md`, changelog);
  }

  const tarballs = packPublishedPackages(path.join(work, 'tarballs'), { from: work });
  for (const [name, { tarball }] of tarballs) {
    const entries = new Set(execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n'));
    for (const file of requiredFiles) if (!entries.has(`package/${file}`)) problems.push(`${name}: the tarball has no ${file}`);
    // npm shows the README on the package's page, away from this repository: the same wording rules.
    checkWording(`${name} README.md`, execFileSync('tar', ['-xzOf', tarball, 'package/README.md'], { encoding: 'utf8' }));
    const packed = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    for (const [dependency, range] of Object.entries({ ...packed.dependencies, ...packed.peerDependencies })) {
      if (!versions.has(dependency)) continue;
      // pnpm pack writes `workspace:^` as `^<version>`: the sibling released alongside must satisfy it.
      if (range !== `^${versions.get(dependency)}`)
        problems.push(`${name}: depends on ${dependency} ${range}, not on the ^${versions.get(dependency)} released with it`);
    }
  }
  console.log(
    problems.length === 0
      ? `release rehearsal: the four packages would be released as ${version}, each tarball with its CHANGELOG, LICENSE and README`
      : `release rehearsal: ${problems.length} problem(s)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
for (const problem of problems) console.error(`  ${problem}`);
if (problems.length > 0) {
  console.error('Fix the changesets in .changeset/ (they become the changelogs), the package READMEs or their manifests.');
  process.exit(1);
}
