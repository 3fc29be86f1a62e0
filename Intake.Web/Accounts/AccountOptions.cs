namespace Intake.Web.Accounts;

/// <summary>Settings under <c>Intake:Accounts</c>: activation of new and reset accounts.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Intake:Accounts";

    /// <summary>How long an activation code works after the account was created or reset.</summary>
    public TimeSpan ActivationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>For how many days after creation or reset the grant form warns that the account is new.</summary>
    public int RecentDays { get; set; } = 14;
}
