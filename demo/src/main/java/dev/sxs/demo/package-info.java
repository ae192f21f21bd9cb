/**
 * The demo service {@code sxs demo} starts: an order service that knows nothing of sxs and publishes
 * its business events through the platform MBean server ({@link dev.sxs.demo.SxsPublisher}).
 */
package dev.sxs.demo;
