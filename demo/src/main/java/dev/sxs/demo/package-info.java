/**
 * The demo service {@code sxs demo} starts: an order service with no sxs code at all. sxs observes it from
 * outside: the demo's boot script probes its methods ({@code place}, {@code pay}, {@code cancel}), so each call
 * becomes an event, and builds counters from those events (docs/probes.md).
 */
package dev.sxs.demo;
