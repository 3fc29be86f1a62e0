using Xunit.Abstractions;

namespace Intake.Tests.Crypto.Conformance;

/// <summary>
/// Runs every file of a test kit in the C2SP CCTV age layout. The directory is
/// INTAKE_AGE_TESTKIT when set, otherwise the project's own kit copied to the output.
/// </summary>
public sealed class TestKitTests
{
    private readonly ITestOutputHelper _output;

    public TestKitTests(ITestOutputHelper output)
    {
        _output = output;
    }

    internal static string KitDirectory
        => Environment.GetEnvironmentVariable("INTAKE_AGE_TESTKIT") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "Crypto", "testkit");

    [Fact]
    public void TestKit_EveryFile_HasExpectedOutcome() => RunKit(KitDirectory);

    [Fact]
    public void TestKit_VendoredCctvCorpus_HasExpectedOutcome()
    {
        int skipped = RunKit(Path.Combine(AppContext.BaseDirectory, "Crypto", "testkit-cctv"));

        Assert.True(skipped <= 19, $"{skipped} vectors skipped; only the post-quantum hybrid ones may be");
    }

    private int RunKit(string dir)
    {
        Assert.True(Directory.Exists(dir), "test kit directory not found: " + dir);
        string[] files = [.. Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.NotEmpty(files);

        int passed = 0, failed = 0, skipped = 0;
        List<string> failures = [];
        foreach (string path in files)
        {
            string name = Path.GetFileName(path);
            (TestKitRunner.Outcome outcome, string detail) result;
            try
            {
                result = TestKitRunner.Run(KitFile.Parse(name, File.ReadAllBytes(path)));
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                result = (TestKitRunner.Outcome.Failed, "unexpected " + ex.GetType().Name + ": " + ex.Message);
            }

            switch (result.outcome)
            {
                case TestKitRunner.Outcome.Passed:
                    passed++;
                    break;
                case TestKitRunner.Outcome.Skipped:
                    skipped++;
                    _output.WriteLine($"skipped {name}: {result.detail}");
                    break;
                default:
                    failed++;
                    failures.Add($"{name}: {result.detail}");
                    _output.WriteLine($"FAILED {name}: {result.detail}");
                    break;
            }
        }

        string summary = $"test kit {dir}: {passed} passed, {failed} failed, {skipped} skipped";
        _output.WriteLine(summary);
        Assert.True(failed == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures));
        return skipped;
    }
}
