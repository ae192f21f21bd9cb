package dev.sxs.it.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP from the test to a server on this machine's loopback address: one request at a time, each
 * bounded by a timeout.
 */
final class Http
{
    /** How long one request may take on the loaded machine. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private Http()
    {
    }

    /**
     * A status and a body.
     *
     * @param status the HTTP status.
     * @param body   the body as text, trimmed.
     */
    record Response(int status, String body)
    {
    }

    /**
     * @param port the server's port on 127.0.0.1.
     * @param path the path and query.
     * @return the response.
     * @throws Exception when the request fails or times out.
     */
    static Response get(final int port, final String path) throws Exception
    {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)));
    }

    /**
     * @param port     the server's port on 127.0.0.1.
     * @param path     the path and query.
     * @param user     the user of HTTP basic authentication.
     * @param password its password.
     * @return the response.
     * @throws Exception when the request fails or times out.
     */
    static Response get(final int port, final String path, final String user, final String password) throws Exception
    {
        final byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        final String authorization = "Basic " + Base64.getEncoder().encodeToString(pair);
        final URI uri = URI.create("http://127.0.0.1:" + port + path);
        return send(HttpRequest.newBuilder(uri).header("Authorization", authorization));
    }

    /**
     * @param context a webapp's context path, e.g. {@code /app}.
     * @param script  an sxs script.
     * @return the path that has the webapp's servlet evaluate the script.
     */
    static String evalPath(final String context, final String script)
    {
        return context + Webapp.EVAL_PATH + "?script=" + URLEncoder.encode(script, StandardCharsets.UTF_8);
    }

    /**
     * @return a TCP port free on the loopback address now (the server binds it a moment later; nothing
     *         else on this machine hands out ports in between except the OS for other ephemeral uses).
     * @throws IOException when no port can be had.
     */
    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static Response send(final HttpRequest.Builder request) throws Exception
    {
        final HttpResponse<String> response = CLIENT.send(request.timeout(REQUEST_TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body().trim());
    }
}
