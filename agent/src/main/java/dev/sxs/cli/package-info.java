/**
 * The {@code sxs} command line ({@code bin/sxs ...} = {@code java -jar sxs-agent.jar ...}), built on
 * picocli and loaded by the sxs class loader. {@link dev.sxs.cli.SxsCli} is the entry point the
 * bootstrap calls; each subcommand is one class. Exit codes: 0 success, 1 a script gave an error
 * value, 2 bad usage, an unreadable file or a bad setting, 3 the target JVM could not be reached or refused,
 * 70 an internal error of the CLI.
 */
package dev.sxs.cli;
