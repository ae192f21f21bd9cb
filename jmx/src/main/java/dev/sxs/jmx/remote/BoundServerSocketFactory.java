package dev.sxs.jmx.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;

/**
 * Plain RMI server sockets bound to one address (loopback by default), so the connector and its
 * registry listen on that interface only. Equal factories share one port. Thread-safe, immutable.
 */
public final class BoundServerSocketFactory implements RMIServerSocketFactory
{
    /** Connections a listening socket queues before refusing. */
    public static final int DEFAULT_BACKLOG = 50;

    private final InetAddress address;

    /**
     * @param address the address to bind.
     */
    public BoundServerSocketFactory(final InetAddress address)
    {
        this.address = Objects.requireNonNull(address, "address");
    }

    @Override
    public ServerSocket createServerSocket(final int port) throws IOException
    {
        return new ServerSocket(port, DEFAULT_BACKLOG, address);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof BoundServerSocketFactory f && f.address.equals(address);
    }

    @Override
    public int hashCode()
    {
        return address.hashCode();
    }
}
