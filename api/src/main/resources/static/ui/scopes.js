// What the signed-in person may do, from the scopes the api gave at sign-in (the api decides; this
// only hides controls that would be refused).

/** Whether the person has the scope (admin implies every scope). */
export function can(user, scope) {
  const scopes = user?.scopes || [];
  return scopes.includes('admin') || scopes.includes(scope);
}

export function isAdmin(user) {
  return user?.role === 'admin' || (user?.scopes || []).includes('admin');
}
