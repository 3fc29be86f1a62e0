namespace Intake.Web.Accounts;

/// <summary>Settings under <c>Intake:Sessions</c>: how long a staff session and its unlocked keys live.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Intake:Sessions";

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long the step between passphrase and TOTP code may take.</summary>
    public TimeSpan SecondFactorTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
