using System.Globalization;
using Intake.Web.Localization;
using Intake.Web.Templates;

namespace Intake.Web.Reporting;

/// <summary>
/// The receipt as a text file to download (Templates/receipt-code.{language}.txt): case number, day received, files,
/// the code, the service's address and when to look in again. Without JavaScript the server fills it in from the
/// receipt cookie; with JavaScript the page renders it with the placeholders left in (<see cref="Placeholders"/>)
/// and the script fills in what only the browser knows.
/// </summary>
public static class ReceiptText
{
    public const string TemplateName = "receipt-code";

    /// <summary>The reporter is asked to look in again after a week: the acknowledgement is due within seven days.</summary>
    public const int LookAgainAfterDays = 7;

    /// <summary>The values the script fills in, left as placeholders in the text it is given.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["caseNumber", "receivedOn", "files", "code"];

    public static DateOnly LookAgainOn(DateOnly receivedOn) => receivedOn.AddDays(LookAgainAfterDays);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The text with every value filled in.</summary>
    public static string For(Receipt receipt, string address)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Render(address, LookAgainOn(receipt.ReceivedOn), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseNumber"] = receipt.CaseNumber,
            ["receivedOn"] = Day(receipt.ReceivedOn),
            ["files"] = receipt.Files.ToString(CultureInfo.CurrentCulture),
            ["code"] = receipt.Token,
        });
    }

    /// <summary>The text with the browser's values left as <c>{name}</c> for the script.</summary>
    public static string WithPlaceholders(string address, DateOnly receivedOn) =>
        Render(address, LookAgainOn(receivedOn), Placeholders.ToDictionary(p => p, p => "{" + p + "}", StringComparer.Ordinal));

    private static string Render(string address, DateOnly lookAgain, Dictionary<string, string> values)
    {
        values["address"] = address;
        values["mailboxAddress"] = address + "mailbox";
        values["lookAgain"] = Day(lookAgain);
        return TextTemplates.Render(TemplateName, Languages.Current, values);
    }
}
