namespace Intake.Web.Organisation;

/// <summary>Everything set-up needs, from the web wizard or from a JSON file (see README, "Set-up from a file").</summary>
public sealed class SetupPlan
{
    public string OrganisationName { get; set; } = string.Empty;

    /// <summary>Who to contact about the service, by language code (<c>sv</c>, <c>en</c>, <c>fi</c>).</summary>
    public Dictionary<string, string> ContactText { get; set; } = [];

    public AccountPlan Administrator { get; set; } = new();

    public List<ChannelPlan> Channels { get; set; } = [];

    /// <summary>Accounts that see the statistics of every channel and nothing else (optional).</summary>
    public List<AccountPlan> Statistics { get; set; } = [];
}

public sealed class AccountPlan
{
    public string Username { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// Not accepted: set-up gives each account a one-time activation code, and the person sets their own
    /// passphrase. Kept so that a file that still names one gets a clear error rather than a silent omission.
    /// </summary>
    public string? Passphrase { get; set; }

    /// <summary>Optional address for notices, taken as confirmed (the set-up file is trusted).</summary>
    public string? Email { get; set; }
}

public sealed class ChannelPlan
{
    public string Code { get; set; } = string.Empty;

    /// <summary>The channel's name by language code, where it should differ from the built-in one.</summary>
    public Dictionary<string, string> Name { get; set; } = [];

    /// <summary>The channel's introduction by language code, where it should differ from the built-in one.</summary>
    public Dictionary<string, string> Intro { get; set; } = [];

    public List<AccountPlan> Handlers { get; set; } = [];
}
