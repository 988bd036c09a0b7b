// What the Users view sends and checks, apart from the DOM so it is unit-tested. The rules mirror the API's
// (docs/decisions/0071-permissions-token-revocation-and-backoff.md) so a person hears what is wrong before a
// round trip; the server checks them again and its message is shown when it refuses.

/** The API's permissions, in the order the UI offers them, with what each allows in words. */
export const PERMISSIONS = [
  ['search', 'Search', 'list and read artifacts, ratings, lineage, cards and audit'],
  ['download', 'Download', 'read download links and download packages'],
  ['upload', 'Upload', 'add, update, delete and re-rate artifacts; mark models sensitive'],
];

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** The problem with a new user's name and password in words, or null when the API would take them. */
export function newUserProblem(name, password) {
  if (!name) return 'Enter a user name.';
  if (!NAME.test(name)) {
    return 'A user name is 1 to 128 letters, digits or . _ @ + - and starts with a letter or digit.';
  }
  if (!password) return 'Enter a password.';
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    return 'A password has ' + PASSWORD_MIN + ' to ' + PASSWORD_MAX + ' characters (this one has ' + password.length + ').';
  }
  return null;
}

/** Only the API's permission names, each once, in the UI's order. */
export function normalisePermissions(permissions) {
  const wanted = new Set(permissions || []);
  return PERMISSIONS.map(([key]) => key).filter((key) => wanted.has(key));
}

/** The body of POST /users. */
export function registration(name, password, permissions, admin) {
  return { user: { name, is_admin: Boolean(admin) }, secret: { password }, permissions: normalisePermissions(permissions) };
}

/** The body of PUT /users/{name}/permissions: the user's whole new state. */
export function permissionChange(permissions, admin) {
  return { is_admin: Boolean(admin), permissions: normalisePermissions(permissions) };
}

/** "Administrator; search, download and upload" — what a user may do, in words. */
export function describeAccess(user) {
  const names = normalisePermissions(user.permissions).map((key) => key);
  const list = names.length ? names.join(', ') : 'no permissions';
  return (user.is_admin ? 'Administrator; ' : '') + list;
}

/** What the user loses by a change (the API then revokes its tokens), in words; empty when nothing is lost. */
export function losses(before, permissions, admin) {
  const after = new Set(normalisePermissions(permissions));
  const lost = normalisePermissions(before.permissions).filter((key) => !after.has(key));
  if (before.is_admin && !admin) lost.unshift('administrator');
  return lost;
}
