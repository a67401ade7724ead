import { describe, expect, it } from 'vitest';
import { resolveRoute } from './routes';

describe('resolveRoute', () => {
  it('serves the explorer at / and /explorer, jobs at /jobs, with or without a trailing slash', () => {
    expect(resolveRoute('/')).toBe('explorer');
    expect(resolveRoute('/explorer')).toBe('explorer');
    expect(resolveRoute('/explorer/')).toBe('explorer');
    expect(resolveRoute('/jobs')).toBe('jobs');
    expect(resolveRoute('/jobs/')).toBe('jobs');
  });

  it('serves the sign-in page at /login', () => {
    expect(resolveRoute('/login')).toBe('login');
    expect(resolveRoute('/login/')).toBe('login');
  });

  it('reports anything else as not found', () => {
    expect(resolveRoute('/jobs/extra')).toBe('not-found');
    expect(resolveRoute('/docs-not-here')).toBe('not-found');
    expect(resolveRoute('/login/extra')).toBe('not-found');
  });
});
