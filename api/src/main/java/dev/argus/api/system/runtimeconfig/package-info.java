/**
 * The runtime settings store ({@code runtime_config}), which every feature may read and the config
 * feature changes.
 */
package dev.argus.api.system.runtimeconfig;
