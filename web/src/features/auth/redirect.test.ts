import { describe, expect, it } from 'vitest';
import { pathAfterSignIn, safeRedirectPath, sessionRedirect, signInPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps paths within the hub with their query and fragment', () => {
    expect(safeRedirectPath('/jobs')).toBe('/jobs');
    expect(safeRedirectPath('/explorer?market=SIM#chart')).toBe('/explorer?market=SIM#chart');
    expect(safeRedirectPath('/')).toBe('/');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '',
      null,
      undefined,
    ]) {
      expect(safeRedirectPath(value), String(value)).toBeNull();
    }
  });

  it('refuses the sign-in page itself, which would loop', () => {
    expect(safeRedirectPath('/login')).toBeNull();
    expect(safeRedirectPath('/login/?next=/jobs')).toBeNull();
  });

  it('normalises dot segments', () => {
    expect(safeRedirectPath('/a/../jobs')).toBe('/jobs');
    expect(safeRedirectPath('/../../jobs')).toBe('/jobs');
  });
});

describe('signInPath and pathAfterSignIn', () => {
  it('remembers the intended page and gets it back', () => {
    expect(signInPath('/jobs')).toBe('/login?next=%2Fjobs');
    expect(pathAfterSignIn('?next=%2Fjobs')).toBe('/jobs');
    expect(pathAfterSignIn(new URL(signInPath('/explorer?x=1&y=2'), 'http://h').search)).toBe(
      '/explorer?x=1&y=2',
    );
  });

  it('leaves out the root and unsafe paths, and defaults to the explorer', () => {
    expect(signInPath('/')).toBe('/login');
    expect(signInPath('//evil.example')).toBe('/login');
    expect(signInPath(null)).toBe('/login');
    expect(pathAfterSignIn('')).toBe('/explorer');
    expect(pathAfterSignIn('?next=https%3A%2F%2Fevil.example')).toBe('/explorer');
    expect(pathAfterSignIn('?next=%2Flogin')).toBe('/explorer');
  });
});

describe('sessionRedirect', () => {
  it('waits while the session is being checked or the server is unreachable', () => {
    expect(sessionRedirect('checking', '/jobs', '')).toBeNull();
    expect(sessionRedirect('unavailable', '/jobs', '')).toBeNull();
  });

  it('sends a signed-out user to sign in, keeping the page asked for', () => {
    expect(sessionRedirect('signed-out', '/jobs', '')).toBe('/login?next=%2Fjobs');
    expect(sessionRedirect('signed-out', '/explorer', '?a=1')).toBe(
      '/login?next=%2Fexplorer%3Fa%3D1',
    );
    expect(sessionRedirect('signed-out', '/', '')).toBe('/login');
    expect(sessionRedirect('signed-out', '/login', '?next=%2Fjobs')).toBeNull();
  });

  it('does not remember the page after a deliberate sign-out', () => {
    expect(sessionRedirect('logged-out', '/jobs', '')).toBe('/login');
    expect(sessionRedirect('logged-out', '/login', '')).toBeNull();
  });

  it('takes a signed-in user from the sign-in page to where they were going', () => {
    expect(sessionRedirect('signed-in', '/login', '?next=%2Fjobs')).toBe('/jobs');
    expect(sessionRedirect('signed-in', '/login', '')).toBe('/explorer');
    expect(sessionRedirect('signed-in', '/jobs', '')).toBeNull();
  });
});
