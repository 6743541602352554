// The walls of booklab, checked in `npm test` (`npm run lint:deps`); CONTRIBUTING.md explains the layers.
// Packages, lowest first: primitives ← mock-accounting ← core ← scenarios ← tui ← bin. Inside core, the folders
// below are ordered the same way. Tests, test/ and bench/ may reach anywhere; the product's own files may not.

const PACKAGES = ['primitives', 'mock-accounting', 'core', 'scenarios', 'tui', 'bin'];
// core's folders, lowest first; a folder may import only from folders before it (and core/words.ts, at the bottom).
const CORE_LAYERS = [
  ['words.ts', 'messages'],
  ['exact-client'],
  ['focus'],
  ['integration'],
  ['invariants', 'export'],
  ['testbed'],
  ['world'],
  ['doctor-input', 'doctor', 'demos.ts'],
];
const TESTS = '(\\.test\\.tsx?$|^test/|^bench/|/test-support/)';
const alternatives = (names) => `(${names.map((name) => name.replace(/\./g, '\\.')).join('|')})`;

const packageRules = PACKAGES.slice(0, -1).map((name, index) => ({
  name: `layers-${name}`,
  comment: `${name} sits below ${PACKAGES.slice(index + 1).join(', ')}: it must not import from them.`,
  severity: 'error',
  from: { path: `^${name}/`, pathNot: TESTS },
  to: { path: `^${alternatives(PACKAGES.slice(index + 1))}/` },
}));

const coreRules = CORE_LAYERS.slice(0, -1).map((layer, index) => ({
  name: `core-layers-${layer[0].replace(/\.ts$/, '')}`,
  comment: `core/${layer.join(', core/')} must not import from the core folders above it (${CORE_LAYERS.slice(index + 1)
    .flat()
    .join(', ')}).`,
  severity: 'error',
  from: { path: `^core/${alternatives(layer)}`, pathNot: TESTS },
  to: { path: `^core/${alternatives(CORE_LAYERS.slice(index + 1).flat())}` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one: move what both need below both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...packageRules,
    ...coreRules,
    {
      name: 'core-runs-mock-only-in-testbed',
      comment: 'Only core/testbed/ starts and reads the mock at run time; elsewhere core may import its types only.',
      severity: 'error',
      from: { path: '^core/', pathNot: [TESTS, '^core/testbed/'] },
      to: { path: '^mock-accounting/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'through-the-barrel',
      comment: 'Another package is imported through its index.ts, never a file inside it.',
      severity: 'error',
      from: { path: `^${alternatives(PACKAGES)}/`, pathNot: TESTS },
      to: { path: `^${alternatives(PACKAGES)}/.+`, pathNot: [`^$1/`, `^${alternatives(PACKAGES)}/index\\.tsx?$`] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|reports|coverage)/' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
