package dev.sxs.jmx.remote;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import java.util.Map;

/** A JAAS login module for tests: user {@code ops} with password {@code jaas-pw}, principal {@code ops}. */
public final class TestLoginModule implements LoginModule
{
    private Subject subject;
    private CallbackHandler handler;
    private String user;

    @Override
    public void initialize(final Subject subject, final CallbackHandler handler, final Map<String, ?> sharedState,
        final Map<String, ?> options)
    {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException
    {
        final NameCallback name = new NameCallback("user");
        final PasswordCallback password = new PasswordCallback("password", false);
        try
        {
            handler.handle(new Callback[] {name, password});
        }
        catch (final Exception ex)
        {
            throw new LoginException(ex.toString());
        }
        if (!"ops".equals(name.getName()) || !"jaas-pw".equals(new String(password.getPassword())))
        {
            throw new FailedLoginException("bad user or password");
        }
        user = name.getName();
        return true;
    }

    @Override
    public boolean commit()
    {
        subject.getPrincipals().add(new JMXPrincipal(user));
        return true;
    }

    @Override
    public boolean abort()
    {
        return true;
    }

    @Override
    public boolean logout()
    {
        return true;
    }
}
