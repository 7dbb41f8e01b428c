/**
 * The demo the local stack starts unless told not to: a simulated fleet of UPSes speaking NUT and
 * the uptime targets it creates through the api.
 */
package dev.argus.stack.demo;
