using Intake.Crypto.Age.Hybrid;

namespace Intake.Tests.Crypto;

/// <summary>
/// Known-answer test of the MLKEM768-X25519 KEM and the HPKE base-mode key schedule with
/// HKDF-SHA256 and ChaCha20Poly1305: the draft-ietf-hpke-pq test vector for this suite
/// (kem_id 0x647a, kdf_id 0x0001, aead_id 0x0003, mode_base), as published in
/// filippo.io/hpke, testdata/hpke-pq.json.
/// </summary>
public sealed class MlKem768X25519VectorTests
{
    private const string SkRm = "b3f98b03126a431ccecc62ae0f68e102c2d8e1cc7b21ba85d821d8e31761e0f8";
    private const string PkRm =
        "3c282de306815eb40990929aeee0839bb37a71a052a9e5242cf15f4c4aa366e5142da0bb8da49e83840972355000288edfac" +
        "ce195826d1da5fff509dc5694d8ae6590fa763bd7213ece64e74c82134e3b8bb571c841967e44a500c2acfc7c1aba59273a5" +
        "bb326ef52aa43471a9ecb54ad5c12d19bc05797d59980ae788039c265978586bbf92ce4c4b9013f3853f501a0a7b834f4843" +
        "324b9bd3a07ff7f954d97aadb7d8621c58c75bc47995d02a2f70cc3d2bc519a8606fc0c9eca0b30a998bd237297dbc0298b1" +
        "06dc00c2a541bdfa9a26c95ba67167acb81ac705f1952fd173e6e23331c56db6913305384d52c51ef7facb92c08024a69e26" +
        "437e1c289f77d455d08a1500c4a703acb376f424d57234fccaae84b3ae8d000ea8b128c4e259b6a976ffe650a5d9063c8399" +
        "6cbb00b30220ae43170eda370d623f481b24e4692e07a10777ab703d4b4a73c71e7a33a6f52b2aae7a4423aa5b69f58480b7" +
        "acb04a6dac780a345317b40b171ae0264fb057810bce9c6b5a58027e3ef851e02cce85718c396824e3986a35e12873ba1ee6" +
        "ec4c2cf0a767234baa61367af5a85f443272fc1e8c338769b8c2b9f1c58859cf920a9c26f71da71a60abf1c3e1824775b12e" +
        "9608c711938475801036281e8d45a06942ba1164573ee1077b7a40ec213fe79575556bcab9f6823cab8c23297d67897bbec1" +
        "7b4ba6752c8913d0b781b9932a6df03505e3aa25fb6f75c20286b08b375bced9613cad18cbd42ac4063827afe5680e3cacaa" +
        "96ba8f6c523236ca69da4475999abf18a25a433c94792988945ddfbb8413d367d3ac1315705797aa74632704b936cc96e689" +
        "969118fac11b4f4c927a66aa670b4d8147a23a42aa6a309dc5f204902726c7ea6f1c6231a262308148c2d2ac81123050188b" +
        "44a80aa8153bc5915aa8c207b22895a8339549d281c014162200d63cb2015a265ac48f0a3c93b9c71e05986e780c18f38c8f" +
        "c5734fb7b22f34cc851413a3d17090021eef6b7019b5b93012753b150ffec031a038602ff62ffc6713c290a33ef86dbce641" +
        "d579aa92c5aa1b4a6520b921efbc3c95156b34658dd14a7cead366a351c7a173907bd403c0cbc9b562281ed3712a4b6233d6" +
        "0f09d80e38e67a01c1660bc02a31303560632db6c63bdbb0bdda46b4faa77ba4cabfdf0789185c295c40220f65689675882f" +
        "cc452b802a4baa895ebc50a931178d442c857ccfd503b678864a83565fec19c7ab782484877144745fc7227d582237498916" +
        "a03a4ada6321b62abda04674f39338078ac087b1a52b77781d5574d41a2d320802b9d9bda34c8e356a5725fbae10599b83b9" +
        "7114c6cefca08f8d04809b8a79f9f0a26f2b9007f501a81679f0104c67f244cf514067e04f1aac0c823a6e2cb9517d5722eb" +
        "3a8326a7b23ed62266f04acca740adb142bac5ba66c5a6b122a3180b97ccd6cf9bfc77a639515bb861a5cbbcc7f53d19b0cd" +
        "66a0b64df56a15a98bff77182b7751ecc703bc947f516279a3b566485931415c4a9264bd7fcc36f1c4a1e15c3c8c17cab128" +
        "05d9f585f4cba9bd496805f04c2d930a8e25248c02a362f8a56109cf263a0591ec4bb8bc6604d30dec4c7151062669686536" +
        "86289d7ff82e53d504f85fae5d4f64210866450ad272b3e4849b83de72a2e3b9fcf15ff88bc7348a401a95215ca1b16cbbfe" +
        "5e082dd66029e768dadf2e52e283ce5d";
    private const string Enc =
        "b440cb006466e8ee9d161b371b6fa1ec419d6a7589492378dc678fedbcf9e7debfb47f7e0b5368b0e77ef5b5866686b65231" +
        "dbd1c1a42e0af9b0abb06c795a1af0734b450dbb60fe0486b1497d7b09d0c46617a40c5f8c8ab51c2e8e1f48023f73b7c471" +
        "6bba2e905d5fb42c3dedff166553ecf033305a57bf436317e6513deea2f65537065bb5d82dc4b8a965c3e939b910dc6b027e" +
        "01673a6e1399b93976292ef9fd81120ef2f6c47d94a1c77d9fe16ba7107a8a6a4ce9ce0d302847d602167de077e17dbb7e01" +
        "54202f76c381c4b6d8bca51680dab4dbf373da8f09aa23d2174fb36681ce42108f7baadcb35626baf30a416bd79b3e249585" +
        "079c277b79b7b31108ef061f25b5d4e548f6f5cc3d4c24fa0f1716843bb63ad00a78f37d2e2b81517810abe9853829bed7b3" +
        "ba309ad697d8a5f66af4dd237c25725e9c6263744bf8641d475d4792ab0535d2b4fdfcf0c5d95118f5779521023016d49751" +
        "794a1ce66f2a652436843978937562a4a5e8628d2b720890d7f3b21c151399ba7db03cd15516c6a94b84f6d01a37ba92cc7a" +
        "c6c480dc9f67c3a066378180bcd2922d3f5c65d69fd0b96aadc055d6b05ebb1105acc609f200e0c945a10e4e11371e23369d" +
        "e2069ccd7175a652c3cd09eb7f17c9b65b4aa79b26468f9b21f8c0aa8f7471d5cfbf3697d3eedea9351597ce981e7cf745c2" +
        "950070c1f82f132b48584d03ba1262cb856ff6b5ae25992df8612d24f068b4325d3360673ed3ef6e2a57de297d5482c5cc35" +
        "5bc07f1d975fc6d60cd7109bf5a77a0ff7b2c5d9f4a276d30cb49da48b8b90b644b15a5b68fcc67c25f09a8e567cbe4fa2e2" +
        "ba11c02993e9e9b4116a7c60da64a71932800aec2fb4d2eceef57c6fc2308f3adcd9b46a28748516284bdb4b3a36851512c5" +
        "e0e6ed37ef5f00b07dc3c42667cf95cad764e47f48a994d17c103f8225755c76008013897c03c31043df0eb39a603e09caea" +
        "a41ae24488fe96e4d83b4ae5481045f4a7cfd7c80b31ce9eeb8fdecd34be1245f368ab5a3215cbcdfbe0529e1fbc4ba0041c" +
        "faba09836c25dd6219e75fbc6f143e74d686ecd9e1a416881bc21a9129fb865e82332985798f701f7952c4e69e7b4e6bd03b" +
        "ffdc0c65e2a2fde89f73b8659fd2cc7dfb070d3e95581d1bc587a2d9c4bf142fdc1f20856d3cfb64d35744ee279b82918472" +
        "3221e9fb19f012ab99c4bb1a904a116727b667c5a11a0e11f3e31682b0c114345ecc3ee153bccd884654bd5a8a023aa3db87" +
        "8148736f6a090f92785423a9ba2b037b3b90ee91657ba48a125360dae75a6fddfea406ca823a5e4fbb54aa8909fbd85d95d2" +
        "ed256ed5d6a9194fad0d81a44d3172abf6b90cecd1ed2080762d670db4d3437ef8e9e7d39db4b4215c33f8d19240ed4bf2de" +
        "8b1076b345707043a735bf9e96e16c8b670cf2df0ce8db638c7d84a13ee7b35266c7f0e60d2cb2e5734e9d646a871d0dfd8b" +
        "4ee5f825bf799a1251ed21e54510e9c605bc83a0bd9673aee80e8d064a95c3c3151ffd27608173637fb9de30b3c02d96eeca" +
        "c05dbf7c2fbc98b4a1f6972ce928322a22e2b75c";
    private const string SharedSecret = "b90cf181d95351d1091569487caaf6c3434eeb181a2c4c04631980ce139afa67";
    private const string Info = "34663634363532303666366532303631323034373732363536333639363136653230353537323665";
    private const string Key = "4a4c042267e8ec360c83b2baf0d5e3dcca73a86531cdf67ec41d95bccfe12387";
    private const string BaseNonce = "5ddfaaee10a4dfd0d8e1b49f";

    [Fact]
    public void Expand_VectorSeed_GivesVectorPublicKey()
    {
        using MlKem768X25519.PrivateKey key = MlKem768X25519.Expand(Convert.FromHexString(SkRm));

        Assert.Equal(PkRm, Convert.ToHexStringLower(key.PublicKeyBytes()));
    }

    [Fact]
    public void Decapsulate_VectorEnc_GivesVectorSharedSecret()
    {
        using MlKem768X25519.PrivateKey key = MlKem768X25519.Expand(Convert.FromHexString(SkRm));
        byte[] sharedSecret = new byte[32];

        Assert.True(MlKem768X25519.TryDecapsulate(key, Convert.FromHexString(Enc), sharedSecret));
        Assert.Equal(SharedSecret, Convert.ToHexStringLower(sharedSecret));
    }

    [Fact]
    public void KeySchedule_VectorSharedSecret_GivesVectorKeyAndBaseNonce()
    {
        byte[] key = new byte[32];
        byte[] baseNonce = new byte[12];

        HpkeBase.KeySchedule(MlKem768X25519.KemId, Convert.FromHexString(SharedSecret), Convert.FromHexString(Info), key, baseNonce);

        Assert.Equal(Key, Convert.ToHexStringLower(key));
        Assert.Equal(BaseNonce, Convert.ToHexStringLower(baseNonce));
    }

    [Fact]
    public void Encapsulate_ToVectorPublicKey_DecapsulatesToTheSameSecret()
    {
        using MlKem768X25519.PrivateKey key = MlKem768X25519.Expand(Convert.FromHexString(SkRm));
        byte[] publicKey = Convert.FromHexString(PkRm);
        byte[] sent = new byte[32];
        byte[] received = new byte[32];

        byte[] enc = MlKem768X25519.Encapsulate(MlKem768X25519.TryParsePublicKey(publicKey)!, publicKey[1184..], sent);

        Assert.Equal(1120, enc.Length);
        Assert.True(MlKem768X25519.TryDecapsulate(key, enc, received));
        Assert.Equal(sent, received);
    }
}
