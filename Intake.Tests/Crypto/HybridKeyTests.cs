using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

/// <summary>Hybrid post-quantum keys (c2sp.org/age, "The MLKEM768-X25519 hybrid post-quantum recipient type").</summary>
public sealed class HybridKeyTests
{
    // Example keys from the age specification (c2sp.org/age, MLKEM768-X25519 section).
    private const string SpecIdentity = "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR";

    internal const string SpecRecipient =
        "age1pq1x34nzsvr0rxjsgdn8zgyhfe8j7ceq5r9rdelkjuh3y235jzxshfg87pzf5zrqtzdxz95paef6caq5aapdmwjjqpjfdyxnzr2zampc3u" +
        "xy0dg4z2n2gm9su72p0pc3u0jvev55l694v78snxg3yzvcl7yda0eyytqj6a0ec477lnhcy5hzpz4zq3pxanve4cn62gqj3pjy5lqj9c6kyj4v" +
        "2z8alktn8zh99970x79gjkv7522hv9kfz35zsnxhsx8wwtmu9cy3ftzjgwcp4sshn3llnylnpdsyz5jm72vefv4x5vfwytrefxg4wq3mv42wcr" +
        "vkj742479zrxzpvp2p3e9fed9f0739vcu80r7ma28qfhnvlv4gfzel9q654dj3zmuvvz893azhxdvs9fxd0r7jzchzcfcs5mkyyjxhw0n2z6dv" +
        "p9yn9qfdp29h0azxqyjw6v7fhyuzj7zel0uq6j9rd7wgrpz7mf5dnj43jwsgvrc8qcnhy7tu6dkdujuxzkp9xj43xe8h92ktre2a3u3s8mm5mr" +
        "p9nr9pwkgtz4mdlq9hgn4fps4k57ff6wddn2fy23t47sm20r8km8sd2pcyyafnet8f0dajsrlyjeah4n3mssr6aseevuuskdvq5lzguyvpgwpt" +
        "a742c6698vgutzqgny8usfg0w2he7kq5vyxjd0f9hqg8xk26y9e4th0gezq92q4cpp5p2y9hf5f2cje5l0c3sa3a2qxmm38pxxvhxh99yzmfz0" +
        "zk7r2s64nnwjhkfgfr3gf8xnmppcgmaykvh5sh6g7vk9790rf8ws0axmr2t7z8aae5fq2029uvcn2ghgt4fu4wgwdc0k0cz52qkvwmuzj8p8k5" +
        "jgf3xzk5zmrkavjekjrpeq408xz3zxazwkc6tyfmhayrkfpjhwtz5mp8j8guqe43k2q6m2kte03vrw27y3wmqyu5etmt9dnkwcnnpmu9gz9dek" +
        "fhdevf42ucshphnrk38ra6hx8w5f8q5ru0xdhrjxmwqf6cused7zc5xvq43r0zscjglpwlptpwydhqw64xz7ptjdyeyzpq2zkxtmzg29gzjpvz" +
        "va4d3l0cenn9xs297wf4y4ukwrunf57xj6pm7nvrkwvtrt8hwcmgv8x7ajw7258ugf9wvkmk4052ekg87tw5vnx8nq2swyzv77v8yqlwsenvam" +
        "r0zssknwts8rrhfuwj7ykysnq9jxy0uv3kuyt22djszjdtvpz6d0s0kwh8ryynddzud92emeyvvyqktd0jtj7rvvg5gch25v8smlvny3kvn5ga" +
        "gyz475ze2y6q466xqmz2n3hs77lddeqyta2nch5k2u5yacuk9ywnwfdzvyejnucz724hj77hrrmakm7pr3kxsrxq22ejexlud9fy2kdqmkg5yn" +
        "cz7jm5wv2qjk5w5kvcpqsry2yqffh2la52dxfjkjq5rzhjzeyn6dupn0qwtyv7s4lwg3xdarsdlwe2y3tujy480y7z39q259fzx6jhd2j0f5ha" +
        "gqpcpees7hzc2yrk5cy788uk3s7qvp5cpepx24gvws3m2g433exgwppnkjscec8qu4y9z9r7vccexjcjaen42245lmgmxmuavg9alej92322gv" +
        "vyy2t6267v09ch64y0m53jff0vjj96s0ypk60hr3jw4myd6m5hpn3xjstx7tl2szhpr5qe8jj08ydjc4wy2rch2fhuy3pdfjax5awe9j99ly5h" +
        "kntzz9fe5zatgjvzdd0kgtxs25njnajyf6ssekp7gelxquusn4pt25czh3scj68kq79wdn5tgm6yvm9nzavrg043x3msnygf8dweknw5jmqd0u" +
        "vny6ttsn09508k0c55zfnegrm9efhxpfqdkmhh6gjtqmwze9pyyzk3tlhl53k2ykx3qheyty7saeq0d3fzv49zc0k";

    [Fact]
    public void Parse_SpecIdentity_HasSpecRecipient()
    {
        using HybridIdentity identity = HybridIdentity.Parse(SpecIdentity);

        Assert.Equal(SpecRecipient, identity.Recipient.ToString());
    }

    [Fact]
    public void Parse_SpecRecipient_Is1216BytesAnd1959Characters()
    {
        HybridRecipient recipient = HybridRecipient.Parse(SpecRecipient);

        Assert.Equal(1216, recipient.PublicKey.Length);
        Assert.Equal(1959, SpecRecipient.Length);
    }

    [Fact]
    public void ExportSecretKey_ParsedIdentity_RoundTrips()
    {
        using HybridIdentity identity = HybridIdentity.Parse(SpecIdentity);

        Assert.Equal(SpecIdentity, identity.ExportSecretKey());
    }

    [Fact]
    public void Generate_ExportedAndParsed_SameRecipient()
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        using HybridIdentity copy = HybridIdentity.Parse(identity.ExportSecretKey());

        Assert.StartsWith("AGE-SECRET-KEY-PQ-1", identity.ExportSecretKey(), StringComparison.Ordinal);
        Assert.StartsWith("age1pq1", identity.Recipient.ToString(), StringComparison.Ordinal);
        Assert.Equal(identity.Recipient, copy.Recipient);
    }

    [Fact]
    public void FromSeed_WrongLength_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => HybridIdentity.FromSeed(new byte[31]));

    [Fact]
    public void ExportSecretKey_AfterDispose_Throws()
    {
        HybridIdentity identity = HybridIdentity.Generate();
        identity.Dispose();

        Assert.Throws<ObjectDisposedException>(() => identity.ExportSecretKey());
    }

    [Theory]
    [InlineData("")]
    [InlineData("age1pq1")]
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")]
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")]
    public void RecipientParse_NotAHybridRecipient_ThrowsFormatException(string encoded)
    {
        Assert.Throws<FormatException>(() => HybridRecipient.Parse(encoded));
        Assert.False(HybridRecipient.TryParse(encoded, out _));
    }

    [Fact]
    public void RecipientParse_UppercaseOrMixedCase_IsRejected()
    {
        Assert.False(HybridRecipient.TryParse(SpecRecipient.ToUpperInvariant(), out _));
        Assert.False(HybridRecipient.TryParse("A" + SpecRecipient[1..], out _));
    }

    [Fact]
    public void RecipientParse_ChangedCharacter_FailsTheChecksum()
    {
        char[] chars = SpecRecipient.ToCharArray();
        chars[100] = chars[100] == 'q' ? 'p' : 'q';

        Assert.False(HybridRecipient.TryParse(new string(chars), out _));
    }

    [Fact]
    public void RecipientParse_MlKemCoefficientOutOfRange_IsRejected()
    {
        // FIPS 203 encapsulation key check: every 12-bit coefficient must be below q = 3329.
        byte[] key = HybridRecipient.Parse(SpecRecipient).GetPublicKey();
        key[0] = 0xff;
        key[1] |= 0x0f;

        Assert.False(HybridRecipient.TryParse(Bech32Of("age1pq", key), out _));
    }

    [Fact]
    public void RecipientParse_LowOrderX25519Part_IsRejected()
    {
        byte[] key = HybridRecipient.Parse(SpecRecipient).GetPublicKey();
        key.AsSpan(1184).Clear();

        Assert.False(HybridRecipient.TryParse(Bech32Of("age1pq", key), out _));
    }

    [Fact]
    public void RecipientParse_WrongLength_IsRejected()
    {
        byte[] key = HybridRecipient.Parse(SpecRecipient).GetPublicKey();

        Assert.False(HybridRecipient.TryParse(Bech32Of("age1pq", key[..^1]), out _));
        Assert.False(HybridRecipient.TryParse(Bech32Of("age1pq", [.. key, 0]), out _));
    }

    [Theory]
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")]
    [InlineData("age-secret-key-pq-1xx76jralnlxdmew0crk45qmcch4x06se84un3vpm33w6hwdx0h3sk3zqfr")]
    [InlineData("AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFS")]
    public void IdentityParse_NotAnUppercaseHybridIdentity_ThrowsFormatException(string encoded)
        => Assert.Throws<FormatException>(() => HybridIdentity.Parse(encoded));

    private static string Bech32Of(string hrp, byte[] data) => Intake.Crypto.Age.X25519.Bech32.Encode(hrp, data, upperCase: false);
}
