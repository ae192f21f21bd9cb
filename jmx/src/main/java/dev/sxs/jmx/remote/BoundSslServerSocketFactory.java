package dev.sxs.jmx.remote;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.rmi.ssl.SslRMIServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;

/**
 * TLS RMI server sockets bound to one address. The JDK's {@link SslRMIServerSocketFactory} always
 * binds every interface; this one binds the configured address and wraps each accepted connection in
 * TLS from the given {@link SSLContext}. Clients use the standard
 * {@link javax.rmi.ssl.SslRMIClientSocketFactory}, which JConsole knows. Thread-safe, immutable.
 */
public final class BoundSslServerSocketFactory extends SslRMIServerSocketFactory
{
    private final InetAddress address;
    private final SSLContext context;

    /**
     * @param address the address to bind.
     * @param context the TLS context holding the server's key.
     */
    public BoundSslServerSocketFactory(final InetAddress address, final SSLContext context)
    {
        super(context, null, null, false);
        this.address = Objects.requireNonNull(address, "address");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public ServerSocket createServerSocket(final int port) throws IOException
    {
        final SSLSocketFactory factory = context.getSocketFactory();
        return new ServerSocket(port, BoundServerSocketFactory.DEFAULT_BACKLOG, address)
        {
            @Override
            public Socket accept() throws IOException
            {
                final Socket socket = super.accept();
                final SSLSocket ssl = (SSLSocket)factory.createSocket(
                    socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                ssl.setUseClientMode(false);
                return ssl;
            }
        };
    }

    @Override
    public boolean equals(final Object other)
    {
        // same class, not instanceof: a plain SslRMIServerSocketFactory must not equal this one either way
        return other != null && other.getClass() == getClass()
            && ((BoundSslServerSocketFactory)other).address.equals(address)
            && ((BoundSslServerSocketFactory)other).context == context;
    }

    @Override
    public int hashCode()
    {
        return address.hashCode() * 31 + System.identityHashCode(context);
    }
}
