/**
 * The dependency-free bootstrap of the sxs agent jar: the only sxs classes the host's system class
 * loader ever sees.
 * <p>
 * {@link dev.sxs.bootstrap.SxsBootstrap} is the jar's {@code Main-Class}, {@code Premain-Class} and
 * {@code Agent-Class}. It extracts the jars nested under {@code sxs-lib/} once into a per-user cache
 * ({@link dev.sxs.bootstrap.NestedJars}), loads them in an {@link dev.sxs.bootstrap.SxsClassLoader}
 * whose parent, in agent mode, is the platform class loader (host classes are invisible to sxs and sxs
 * classes to the host; the CLI's loader has the system class loader as parent for {@code jdk.attach}), opens the JDK internals Chronicle needs to that loader only
 * ({@link dev.sxs.bootstrap.ModuleOpener}) and calls the inner entry points reflectively. Java 17,
 * no dependencies, no static state that holds the inner class loader.
 */
package dev.sxs.bootstrap;
