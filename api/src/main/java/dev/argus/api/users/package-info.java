/**
 * People who sign in to the web dashboard: their accounts and roles ({@code /api/v1/users}, for
 * admins), signing in and out ({@code /api/v1/auth}), and the first admin made at the first start.
 * The sessions themselves, the CSRF token and the scopes a role stands for are the security
 * package's ({@link dev.argus.api.system.signin.Sessions}).
 */
package dev.argus.api.users;
