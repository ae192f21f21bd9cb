/**
 * Role interfaces through which the MBeans and metrics read and drive a runtime: small views of the
 * runtime, channels, store and journal (the audit log is in {@code dev.sxs.jmx.audit}).
 * {@code SxsManagement} adapts a live {@code SxsRuntime} to them; tests use plain implementations. All
 * text crossing these interfaces is sxs syntax or canonical printed form.
 */
package dev.sxs.jmx.access;
