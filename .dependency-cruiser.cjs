/**
 * Layer rules for server/src. Imports point one way:
 *   http → features → ports → domain → platform; adapters implement ports; main.ts and cli/ compose.
 * A violation fails `npm test` (see docs/ARCHITECTURE.md).
 */
const layer = (name) => `^server/src/${name}/`;

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
      comment: 'domain/ must not touch the file system, network, databases or the wire contracts.',
      severity: 'error',
      from: { path: layer('domain') },
      to: {
        path: '^(node:)?(fs|net|http|https|child_process|dgram|worker_threads)$|@duckdb|fastify|@254carbon/contracts',
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
      comment: 'features/ (use cases) never import adapters, http or cli.',
      severity: 'error',
      from: { path: layer('features') },
      to: { path: [layer('adapters'), layer('http'), layer('cli'), '^server/src/main\\.ts$'] },
    },
    {
      name: 'adapters-implement-ports',
      comment: 'adapters/ may import ports, domain, platform and other adapters; never features, http or cli.',
      severity: 'error',
      from: { path: layer('adapters') },
      to: { path: [layer('features'), layer('http'), layer('cli'), '^server/src/main\\.ts$'] },
    },
    {
      name: 'http-calls-features',
      comment: 'http/ may import features, contracts and platform (plus domain value types), never adapters.',
      severity: 'error',
      from: { path: layer('http') },
      to: { path: [layer('adapters'), layer('cli'), layer('ports'), '^server/src/main\\.ts$'] },
    },
    {
      name: 'cli-calls-features',
      comment: 'cli/ may import features and platform; adapters are wired only in main.ts.',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: [layer('adapters'), layer('http'), layer('ports')] },
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
    tsConfig: { fileName: 'server/tsconfig.build.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
