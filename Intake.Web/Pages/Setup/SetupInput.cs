using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Organisation;

namespace Intake.Web.Pages.Setup;

/// <summary>The set-up wizard's form: the organisation, the administrator and the first handler of each channel.</summary>
public sealed class SetupInput
{
    public string? SetupCode { get; set; }

    public string? OrganisationName { get; set; }

    /// <summary>Who to contact about the service, by language code.</summary>
    public Dictionary<string, string> ContactText { get; set; } = [];

    public AccountInput Administrator { get; set; } = new();

    public AccountInput WhistleblowingHandler { get; set; } = new();

    public AccountInput ThreatHandler { get; set; } = new();

    public SetupPlan ToPlan() => new()
    {
        OrganisationName = OrganisationName ?? string.Empty,
        ContactText = ContactText.Where(t => Languages.Find(t.Key) is not null).ToDictionary(t => t.Key, t => t.Value ?? string.Empty),
        Administrator = Administrator.ToPlan(),
        Channels =
        [
            new ChannelPlan { Code = ChannelCodes.Whistleblowing, Handlers = [WhistleblowingHandler.ToPlan()] },
            new ChannelPlan { Code = ChannelCodes.Threat, Handlers = [ThreatHandler.ToPlan()] },
        ],
    };

    /// <summary>Maps a validation problem's field in the plan to the form field that shows it.</summary>
    public static string FieldOf(string planField) => planField switch
    {
        "OrganisationName" => "Input.OrganisationName",
        "Administrator.Username" => "Input.Administrator.Username",
        $"Channels[{ChannelCodes.Whistleblowing}].Handlers.Username" or $"Channels[{ChannelCodes.Whistleblowing}]" => "Input.WhistleblowingHandler.Username",
        $"Channels[{ChannelCodes.Threat}].Handlers.Username" or $"Channels[{ChannelCodes.Threat}]" => "Input.ThreatHandler.Username",
        _ => string.Empty,
    };
}

public sealed class AccountInput
{
    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public AccountPlan ToPlan() => new()
    {
        Username = Username ?? string.Empty,
        DisplayName = DisplayName ?? string.Empty,
    };
}
