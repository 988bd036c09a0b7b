import { describe, expect, it } from 'vitest';
import { describeAccess, losses, newUserProblem, permissionChange, registration } from '../src/app/users-model.js';

describe('users', () => {
  it('says what is wrong with a new user before asking the API', () => {
    expect(newUserProblem('', 'x')).toBe('Enter a user name.');
    expect(newUserProblem('-alice', 'a-long-enough-password')).toMatch(/starts with a letter or digit/);
    expect(newUserProblem('a'.repeat(129), 'a-long-enough-password')).toMatch(/1 to 128/);
    expect(newUserProblem('alice', 'short')).toBe('A password has 12 to 256 characters (this one has 5).');
    expect(newUserProblem('alice.o+b@x', 'a-long-enough-password')).toBeNull();
  });

  it('sends the API only its own permission names, each once', () => {
    expect(registration('alice', 'pw-pw-pw-pw-pw', ['upload', 'admin', 'search', 'search'], false))
      .toEqual({ user: { name: 'alice', is_admin: false }, secret: { password: 'pw-pw-pw-pw-pw' }, permissions: ['search', 'upload'] });
    expect(permissionChange(['download'], true)).toEqual({ is_admin: true, permissions: ['download'] });
  });

  it('names what a change takes away, since the API then revokes the tokens', () => {
    const before = { name: 'bob', is_admin: true, permissions: ['search', 'download', 'upload'] };
    expect(losses(before, ['search', 'download', 'upload'], true)).toEqual([]);
    expect(losses(before, ['search'], false)).toEqual(['administrator', 'download', 'upload']);
    expect(describeAccess({ is_admin: true, permissions: ['upload', 'search'] })).toBe('Administrator; search, upload');
    expect(describeAccess({ is_admin: false, permissions: [] })).toBe('no permissions');
  });
});
