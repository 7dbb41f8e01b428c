/** Reading PostgreSQL column types that JDBC has no one-call getter for. */
package dev.argus.api.system.jdbc;
