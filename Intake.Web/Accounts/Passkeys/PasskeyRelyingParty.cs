using System.Security.Cryptography;
using System.Text;
using Fido2NetLib;
using Intake.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts.Passkeys;

/// <summary>
/// The WebAuthn relying party: its id is the host of the configured public address (<c>Intake:PublicUrl</c>) and
/// the only origin it accepts is that address's scheme, host and port. Without a public address passkeys are off
/// (the account page says so): the origin a passkey is bound to must not come from the request.
/// </summary>
public sealed class PasskeyRelyingParty
{
    public PasskeyRelyingParty(IOptions<IntakeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Uri.TryCreate(options.Value.PublicUrl, UriKind.Absolute, out var address)
            && address.Scheme is "https" or "http" && address.HostNameType == UriHostNameType.Dns)
        {
            Id = address.IdnHost;
            Origin = address.GetLeftPart(UriPartial.Authority);
            Fido2 = new Fido2(new Fido2Configuration
            {
                RPID = Id,
                RPName = "Intake",
                Origins = new HashSet<string>(StringComparer.Ordinal) { Origin },
            });

            // One nonce for every fido2prf wrap of this instance, so that a sign-in can ask any passkey for its PRF
            // output before it knows which passkey will answer (docs/keys.md, "Passkeys").
            PrfNonce = SHA256.HashData(Encoding.UTF8.GetBytes("intake.passkey.fido2prf-nonce\n" + Id))[..16];
        }
    }

    /// <summary>False when no public address is configured: no passkey can be registered or used.</summary>
    public bool IsAvailable => Fido2 is not null;

    public string Id { get; } = string.Empty;

    public string Origin { get; } = string.Empty;

    public IFido2? Fido2 { get; }

    /// <summary>The nonce of this instance's fido2prf stanzas (16 bytes).</summary>
    public byte[] PrfNonce { get; } = [];

    public IFido2 Require() => Fido2 ?? throw new InvalidOperationException("Passkeys need Intake:PublicUrl.");
}
