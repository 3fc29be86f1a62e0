namespace Intake.Web.Organisation;

/// <summary>Everything set-up needs, from the web wizard or from a JSON file (see README, "Set-up from a file").</summary>
public sealed class SetupPlan
{
    public string OrganisationName { get; set; } = string.Empty;

    public string ContactTextSv { get; set; } = string.Empty;

    public string ContactTextEn { get; set; } = string.Empty;

    public AccountPlan Administrator { get; set; } = new();

    public List<ChannelPlan> Channels { get; set; } = [];
}

public sealed class AccountPlan
{
    public string Username { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Empty means: generate one and show it once.</summary>
    public string? Passphrase { get; set; }

    /// <summary>Optional address for notices, taken as confirmed (the set-up file is trusted).</summary>
    public string? Email { get; set; }
}

public sealed class ChannelPlan
{
    public string Code { get; set; } = string.Empty;

    public string? NameSv { get; set; }

    public string? NameEn { get; set; }

    public string? IntroSv { get; set; }

    public string? IntroEn { get; set; }

    public List<AccountPlan> Handlers { get; set; } = [];
}
