namespace Intake.Web.Keys;

/// <summary>Settings under <c>Intake:Keys</c>.</summary>
public sealed class KeyOptions
{
    public const string SectionName = "Intake:Keys";

    /// <summary>
    /// scrypt work factor (log2 N) for sealing staff identities with their passphrase. 18 is what <c>age -p</c>
    /// uses: about a second and 256 MiB per derivation.
    /// </summary>
    public int ScryptWorkFactor { get; set; } = 18;

    /// <summary>
    /// The highest work factor accepted when opening a sealed identity. Below age's own cap of 22 (4 GiB of
    /// memory per derivation): staff identities are sealed at <see cref="ScryptWorkFactor"/>, so 20 leaves room to
    /// raise that later while bounding what one sign-in can cost.
    /// </summary>
    public int MaxScryptWorkFactor { get; set; } = 20;

    /// <summary>
    /// How many passphrase derivations sign-ins from unknown devices may run at once (the shared lane); the rest
    /// queue (docs/availability.md).
    /// </summary>
    public int PassphraseConcurrency { get; set; } = 1;

    /// <summary>How long a sign-in from an unknown device waits for a slot before it is told the service is busy.</summary>
    public TimeSpan PassphraseQueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sign-ins from unknown devices the service checks without a proof of work, as a burst (docs/availability.md).
    /// </summary>
    public int FreeSignIns { get; set; } = 10;

    /// <summary>How many free sign-ins from unknown devices come back per hour.</summary>
    public int FreeSignInsPerHour { get; set; } = 60;

    /// <summary>Leading zero bits of SHA-256 a sign-in from an unknown device must find while the free budget is spent.</summary>
    public int SignInProofBits { get; set; } = 18;

    /// <summary>Derivations reserved for sign-ins from a device the user signed in from before.</summary>
    public int KnownDeviceConcurrency { get; set; } = 1;

    /// <summary>How long a sign-in from a known device waits for a reserved slot.</summary>
    public TimeSpan KnownDeviceQueueTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many members must approve a grant: 1 (the default) or 2. With 2, the first member's "grant" records an
    /// approval and a second, different member's grant wraps the key. An operator setting, not an administrator's,
    /// so that the person it guards against cannot turn it off.
    /// </summary>
    public int GrantApprovals { get; set; } = 1;
}
