using System.Net;
using Intake.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Intake.Tests.Web.Foundation;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_DatabaseReachable_Returns200()
    {
        await using var app = new IntakeApplicationFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Healthz_DatabaseGone_Returns503()
    {
        await using var app = new IntakeApplicationFactory();
        using var client = app.CreateClient();
        using (var before = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // Lose the database: the file is replaced by a directory of the same name, so it can no longer be opened.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.DataDirectory, Path.GetFileName(app.DatabasePath) + "*"))
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(app.DatabasePath);

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
