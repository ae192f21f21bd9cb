package dev.sxs.it.server.webapp;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet of the test webapp: {@code GET eval?script=S} evaluates S through the platform MBean
 * server's {@code dev.sxs:type=Runtime} operation {@code eval}, the way a real webapp reaches sxs
 * (JDK and servlet types only, no sxs class), on the server's request thread, whose context class
 * loader is this webapp's. Answers the result as text, 503 while sxs is not registered, 500 with the
 * exception on any other management failure.
 */
public final class EvalServlet extends HttpServlet
{
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(final HttpServletRequest request, final HttpServletResponse response) throws IOException
    {
        response.setContentType("text/plain;charset=UTF-8");
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try
        {
            final Object result = server.invoke(new ObjectName("dev.sxs:type=Runtime"), "eval",
                new Object[] {request.getParameter("script")}, new String[] {String.class.getName()});
            response.getWriter().print(result);
        }
        catch (final InstanceNotFoundException ex)
        {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().print("sxs is not registered: " + ex.getMessage());
        }
        catch (final JMException ex)
        {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.getWriter().print(ex);
        }
    }
}
