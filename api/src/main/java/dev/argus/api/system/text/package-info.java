/**
 * Text the features read from queries and write to exports: the time filters of the histories
 * ({@code Timestamps}) and RFC 4180 CSV fields ({@code CsvFields}).
 */
package dev.argus.api.system.text;
