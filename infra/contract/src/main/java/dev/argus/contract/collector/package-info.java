/** What a collector says about itself: its heartbeat on {@code argus.collector.status}. */
package dev.argus.contract.collector;
