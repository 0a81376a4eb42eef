using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Support;

/// <summary>Builds the services under test the way the host wires them, over a test database and clock.</summary>
public static class ServiceFactory
{
    public static UserService Users(TestDatabase db, TimeProvider clock, params string[] adminEmails) =>
        new(db, clock, Options.Create(new AdminOptions { Emails = [.. adminEmails] }));

    public static TokenService Tokens(TestDatabase db, TimeProvider clock, JwtOptions? jwt = null) =>
        new(db, Users(db, clock), clock, Options.Create(jwt ?? TestJwt.Options()));
}

public static class TestJwt
{
    public static JwtOptions Options() => new() { SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()) };
}
