namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// What a case page form came to: saved (<see cref="Done"/> names the confirmation, see <see cref="CaseDone"/>), or
/// refused, with a message per field anchor, to show again with what was typed under <see cref="StatusCode"/>.
/// </summary>
public sealed record CaseFormResult(string? Done, IReadOnlyList<(string Anchor, string Message)> Errors, int StatusCode = StatusCodes.Status422UnprocessableEntity)
{
    /// <summary>When closing waits for the handler's confirmation: what the act asks for that the case lacks.</summary>
    public IReadOnlyList<string>? CloseConfirmation { get; init; }

    /// <summary>The closing message to offer with that confirmation.</summary>
    public string? ClosingMessage { get; init; }

    public static CaseFormResult Saved(string done) => new(done, []);

    public static CaseFormResult Refused(string anchor, string message) => new(null, [(anchor, message)]);
}
