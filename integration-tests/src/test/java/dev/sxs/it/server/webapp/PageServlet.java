package dev.sxs.it.server.webapp;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The test webapp's page servlet: {@code GET /page/...} answers {@code page URI}. It knows nothing of sxs;
 * its {@link #page} method, called once per request with the request's URI, is what the probe test
 * probes from outside (ProbeTomcatIT).
 */
public final class PageServlet extends HttpServlet
{
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(final HttpServletRequest request, final HttpServletResponse response) throws IOException
    {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(page(request.getRequestURI()));
    }

    /**
     * Render a page; called on the server's request thread, once per request.
     *
     * @param uri the request's URI.
     * @return {@code page URI}.
     */
    public String page(final String uri)
    {
        return "page " + uri;
    }
}
