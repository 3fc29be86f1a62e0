using Intake.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Keys.Sessions;

/// <summary>What a <see cref="StaffSession"/> row is: a sign-in waiting for its second factor, or a signed-in session.</summary>
public enum StaffSessionKind
{
    Pending = 0,
    SignedIn = 1,
}

/// <summary>
/// A staff session any application node can serve: its secrets (the personal identity the passphrase or passkey
/// unlocked, and for a pending sign-in the TOTP secret being enrolled and a prepared key upgrade) are sealed under a
/// key derived from a 256-bit secret that lives only in the person's encrypted cookie (<see cref="SessionSeal"/>).
/// The row is found by a one-way id derived from the same secret. A database thief without the cookie opens
/// nothing; a sign-out, an expiry or a revocation deletes the row, after which the cookie opens nothing either.
/// </summary>
public sealed class StaffSession
{
    public string Id { get; set; } = string.Empty;

    public StaffSessionKind Kind { get; set; }

    public Guid UserId { get; set; }

#pragma warning disable CA1819 // The sealed secrets are stored as they are.
    public byte[] Sealed { get; set; } = [];
#pragma warning restore CA1819

    /// <summary>Wrong second-factor codes so far (pending sign-ins).</summary>
    public int CodeAttempts { get; set; }

    /// <summary>Raised when channel key versions the session may open were added: nodes unlock them at its next request.</summary>
    public int KeysVersion { get; set; }

    /// <summary>Unix milliseconds of the last request (refreshed at most every <see cref="StaffSessions.TouchInterval"/>).</summary>
    public long LastSeen { get; set; }

    public long IdleMilliseconds { get; set; }

    /// <summary>Unix milliseconds of the absolute end.</summary>
    public long ExpiresAt { get; set; }

    public bool IsExpired(long now) => now >= ExpiresAt || now - LastSeen >= IdleMilliseconds;
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> entity)
    {
        entity.ToTable("StaffSessions");
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Id).HasMaxLength(64).ValueGeneratedNever();
        entity.Property(s => s.Sealed).IsRequired();
        entity.HasIndex(s => s.UserId);
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
