using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Reporting;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// Someone sends wrong mailbox codes and lookup ids as fast as they can. Failures are bounded (answered "too many
/// attempts"), but a reporter with the right code still gets in, on the API and at the door without JavaScript.
/// </summary>
public sealed class MailboxFloodTests : OrganisationTestBase
{
    private const int MaxRounds = 40;

    /// <summary>
    /// Rounds of 50 attempts at once until one is answered "too many attempts", so that the failures outrun the
    /// bucket's refill however slow the machine.
    /// </summary>
    private static async Task<List<HttpStatusCode>> FloodAsync(Func<Task<HttpStatusCode>> attempt)
    {
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < MaxRounds && !statuses.Contains(HttpStatusCode.TooManyRequests); round++)
        {
            statuses.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => attempt())));
        }

        return statuses;
    }

    [Fact]
    public async Task AFloodOfWrongLookupIds_DoesNotKeepTheRightOneOut()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "flooded");
        using var _ = token;
        using var __ = keys;
        using var attacker = new ReporterClient(App);
        var attackerApi = await new MailboxApiClient(attacker).LoadDoorAsync();
        var statuses = await FloodAsync(async () =>
        {
            using var wrong = await attackerApi.ThreadAsync(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant());
            return wrong.StatusCode;
        });

        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var results = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var right = await api.ThreadAsync(keys.AuthenticatorHex);
            results.Add(right.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(results, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task AFloodOfWrongCodesAtTheDoor_DoesNotKeepTheRightOneOut()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "flooded door");
        using var _ = token;
        using var __ = keys;
        using var attacker = new ReporterClient(App);
        var statuses = await FloodAsync(async () =>
        {
            using var wrong = Intake.Crypto.Mailbox.MailboxToken.Generate();
            var (response, _) = await attacker.OpenMailboxAsync(wrong.ToString());
            using (response)
            {
                return response.StatusCode;
            }
        });

        var (open, page) = await reporter.OpenMailboxAsync(token.ToString());

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("flooded door", page.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
    }
}
