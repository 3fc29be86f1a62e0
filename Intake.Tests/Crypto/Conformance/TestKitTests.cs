namespace Intake.Tests.Crypto.Conformance;

/// <summary>
/// Runs every file of two test kits in the C2SP CCTV age layout, one test case per file
/// named after it: the vendored CCTV corpus (c2sp.org/CCTV/age, all 143 vectors including
/// the mlkem768x25519 ones) and the project's own kit, whose directory is
/// INTAKE_AGE_TESTKIT when set, otherwise the copy in the test output.
/// </summary>
public sealed class TestKitTests
{
    internal static string KitDirectory
        => Environment.GetEnvironmentVariable("INTAKE_AGE_TESTKIT") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "Crypto", "testkit");

    internal static string CctvDirectory => Path.Combine(AppContext.BaseDirectory, "Crypto", "testkit-cctv");

    public static TheoryData<string> CctvVectors() => [.. VectorNames(CctvDirectory)];

    public static TheoryData<string> KitVectorFiles() => [.. VectorNames(KitDirectory)];

    [Theory(DisplayName = "CCTV age vector")]
    [MemberData(nameof(CctvVectors))]
    public void CctvVector_HasExpectedOutcome(string vector) => AssertOutcome(Path.Combine(CctvDirectory, vector));

    [Theory(DisplayName = "Intake age test kit vector")]
    [MemberData(nameof(KitVectorFiles))]
    public void KitVector_HasExpectedOutcome(string vector) => AssertOutcome(Path.Combine(KitDirectory, vector));

    [Fact]
    public void CctvCorpus_IsComplete()
    {
        // The cctv-age 0.2.0 corpus holds 143 vectors; a lost file would otherwise just be one case fewer.
        Assert.Equal(143, VectorNames(CctvDirectory).Count);
    }

    /// <summary>The vector files of a kit directory in ordinal order; none when it is missing.</summary>
    internal static List<string> VectorNames(string dir)
        => !Directory.Exists(dir)
            ? [] // reported by the cases' absence and by CctvCorpus_IsComplete, not by a discovery crash
            : [.. Directory.GetFiles(dir)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => !n.StartsWith('.') && !n.EndsWith(".md", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)];

    private static void AssertOutcome(string path)
    {
        KitFile kit = KitFile.Parse(Path.GetFileName(path), File.ReadAllBytes(path));
        (TestKitRunner.Outcome outcome, string detail) = TestKitRunner.Run(kit);
        Assert.True(outcome == TestKitRunner.Outcome.Passed, $"{kit.Name} (expect {kit.Expect}): {outcome}, {detail}");
    }
}
