/**
 * What every service needs to reach Kafka: where the cluster is, the client settings no Argus
 * client goes without, and the creation of the catalog's topics.
 */
package dev.argus.contract.kafka;
