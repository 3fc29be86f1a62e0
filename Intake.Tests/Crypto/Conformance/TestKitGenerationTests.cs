namespace Intake.Tests.Crypto.Conformance;

/// <summary>
/// The committed kit files are exactly what <see cref="KitVectors"/> generates
/// (compressed files are compared after decompression). Set INTAKE_WRITE_TESTKIT=1 to
/// rewrite the files in Intake.Tests/Crypto/testkit/ from the definitions.
/// </summary>
public sealed class TestKitGenerationTests
{
    [Fact]
    public void KitVectors_Generated_MatchCommittedFiles()
    {
        bool write = Environment.GetEnvironmentVariable("INTAKE_WRITE_TESTKIT") == "1";
        string dir = write ? SourceKitDirectory() : Path.Combine(AppContext.BaseDirectory, "Crypto", "testkit");
        List<string> mismatches = [];
        foreach ((string name, Func<byte[]> generate) in KitVectors.All)
        {
            byte[] generated = generate();
            string path = Path.Combine(dir, name);
            if (write)
            {
                File.WriteAllBytes(path, generated);
                continue;
            }

            if (!File.Exists(path) || !SameKit(name, generated, File.ReadAllBytes(path)))
            {
                mismatches.Add(name);
            }
        }

        Assert.True(mismatches.Count == 0, "kit files differ from their definitions: " + string.Join(", ", mismatches));
    }

    private static bool SameKit(string name, byte[] generated, byte[] committed)
    {
        KitFile a = KitFile.Parse(name, generated);
        KitFile b = KitFile.Parse(name, committed);
        return a.Expect == b.Expect && a.PayloadSha256 == b.PayloadSha256 && a.Contents.AsSpan().SequenceEqual(b.Contents);
    }

    private static string SourceKitDirectory()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "Intake.Tests", "Crypto", "testkit")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "Intake.Tests", "Crypto", "testkit");
    }
}
