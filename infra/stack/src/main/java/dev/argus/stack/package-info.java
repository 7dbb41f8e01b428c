/**
 * The local stack behind {@code ./argus-start.sh}: its command line, the start and stop order of
 * broker, database, services and supervisor, and the checks, processes and files that serve them.
 */
package dev.argus.stack;
