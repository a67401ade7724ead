/**
 * Layer rules for server/src. Imports point one way:
 *   http → features → ports → domain → platform; adapters implement ports;
 *   composition.ts wires everything and main.ts (the process entry) runs the CLI on it.
 * A violation fails `npm test` (see docs/ARCHITECTURE.md). server/test/architecture/boundaries.test.ts proves
 * these rules catch a wrong import.
 */
const layer = (name) => `^server/src/${name}/`;
const ROOTS = '^server/src/(main|composition|composition-[a-z-]+)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-is-the-kernel',
      comment: 'platform/ may import only npm packages and itself.',
      severity: 'error',
      from: { path: layer('platform') },
      to: { path: '^server/src/', pathNot: layer('platform') },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure model and maths: it may import domain and platform only.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: '^server/src/', pathNot: [layer('domain'), layer('platform')] },
    },
    {
      name: 'domain-has-no-io',
      comment: 'domain/ must not touch files, the network, databases, HTTP or the wire contracts.',
      severity: 'error',
      from: { path: layer('domain') },
      to: {
        path: '^(node:)?(fs|net|http|https|child_process|dgram|worker_threads)$|@duckdb|fastify|croner|pino|@254carbon/contracts',
      },
    },
    {
      name: 'ports-are-interfaces',
      comment: 'ports/ may import domain and platform only.',
      severity: 'error',
      from: { path: layer('ports') },
      to: { path: '^server/src/', pathNot: [layer('ports'), layer('domain'), layer('platform')] },
    },
    {
      name: 'features-use-ports-not-adapters',
      comment:
        'features/ (use cases) may import domain, ports, platform and contracts; never adapters, http or cli.',
      severity: 'error',
      from: { path: layer('features') },
      to: { path: [layer('adapters'), layer('http'), layer('cli'), ROOTS] },
    },
    {
      name: 'adapters-implement-ports',
      comment:
        'adapters/ may import ports, domain, platform and other adapters; never features, http or cli.',
      severity: 'error',
      from: { path: layer('adapters') },
      to: { path: [layer('features'), layer('http'), layer('cli'), ROOTS] },
    },
    {
      name: 'http-calls-features',
      comment:
        'http/ may import features, contracts and platform; never adapters, ports or the CLI.',
      severity: 'error',
      from: { path: layer('http') },
      to: { path: [layer('adapters'), layer('cli'), layer('ports'), ROOTS] },
    },
    {
      name: 'http-uses-domain-types-only',
      comment:
        'http/ may name domain types (through features) but must not run domain code itself.',
      severity: 'error',
      from: { path: layer('http') },
      to: { path: layer('domain'), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cli-calls-features',
      comment:
        'cli/ may import features and platform; the process entry (main.ts) hands it a runtime.',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: [layer('adapters'), layer('http'), layer('ports'), layer('domain'), ROOTS] },
    },
    {
      name: 'only-main-composes',
      comment:
        'composition.ts is imported by main.ts alone (its parts, composition-*.ts, by composition.ts); nothing imports main.ts.',
      severity: 'error',
      from: { pathNot: '^server/src/(main|composition)\\.ts$|^server/test/|^bench/' },
      to: { path: ROOTS },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
