using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Web.Organisation;

/// <summary>
/// The web wizard's set-up between "plan accepted" and "recovery identity confirmed": the plan and the freshly
/// generated recovery identity wait here, in memory only, under a random id held in a short-lived cookie. Nothing
/// is written until the administrator types back part of the recovery identity.
/// </summary>
public sealed class PendingSetup(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(30);
    private readonly Lock _lock = new();
    private Entry? _entry;

    public string Begin(SetupPlan plan)
    {
        lock (_lock)
        {
            _entry?.Dispose();
            var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            _entry = new Entry(id, plan, AgeKeys.Generate(), clock.GetUtcNow() + _lifetime);
            return id;
        }
    }

    public Entry? Find(string? id)
    {
        lock (_lock)
        {
            if (_entry is null || id is null || clock.GetUtcNow() > _entry.Expires
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(id), Encoding.ASCII.GetBytes(_entry.Id)))
            {
                return null;
            }

            return _entry;
        }
    }

    /// <summary>Forgets the pending set-up and wipes its recovery identity.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entry?.Dispose();
            _entry = null;
        }
    }

    public void Dispose() => Clear();

    public sealed class Entry(string id, SetupPlan plan, IKeyIdentity recovery, DateTimeOffset expires) : IDisposable
    {
        public string Id { get; } = id;

        public SetupPlan Plan { get; } = plan;

        public IKeyIdentity Recovery { get; } = recovery;

        public DateTimeOffset Expires { get; } = expires;

        /// <summary>The last eight characters of the secret key line, which the administrator types back.</summary>
        public bool ConfirmationMatches(string? typed)
        {
            var key = Recovery.ExportSecretKey();
            var expected = Encoding.ASCII.GetBytes(key[^8..]);
            var given = Encoding.ASCII.GetBytes(new string((typed ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant());
            return CryptographicOperations.FixedTimeEquals(expected, given);
        }

        public void Dispose() => Recovery.Dispose();
    }
}
